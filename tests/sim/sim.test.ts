/**
 * The deterministic simulation (issue 6), first half of the seeds (the second: sim.part2.test.ts) (SIM_SEEDS, default 1..1000).
 * What it simulates and checks: simulate.ts, network.ts, simServer.ts, invariants.ts.
 */
import { describeSimulationPart } from './simSuite';

describeSimulationPart(0, 2);
