/**
 * The deterministic simulation (issue 6), second half of the seeds (SIM_SEEDS, default 1..1000).
 * What it simulates and checks: simulate.ts, network.ts, simServer.ts, invariants.ts.
 */
import { describeSimulationPart } from './simSuite';

describeSimulationPart(1, 2);
