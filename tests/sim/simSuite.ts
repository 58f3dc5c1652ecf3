/**
 * Registers the simulation's seeds as vitest tests: one in-memory PGlite for the file (beforeAll),
 * seeds in chunks of 50 per test, a failing seed failing its chunk with the seed, its violations, the
 * end of its trace and the command that replays it. The seeds are split over several files
 * (sim.part*.test.ts) so that vitest runs them on both cores.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/server/db';
import { failureReport, seedRangeOf, sliceOf } from './seeds';
import { openSimDatabase } from './simServer';
import { runSeed } from './simulate';

const chunkSeeds = 50;
/** A chunk of 50 seeds takes ≈ 10 s on a quiet core; generous for a busy CI machine. */
const chunkTimeoutMs = 240_000;

export function describeSimulationPart(part: number, parts: number): void {
  const range = sliceOf(seedRangeOf(process.env.SIM_SEEDS), part, parts);
  describe(`simulation, seeds ${range.from}..${range.from + range.count - 1}`, () => {
    let db: Db;
    beforeAll(async () => {
      db = await openSimDatabase();
    });
    afterAll(async () => {
      await db?.close();
    });
    for (let from = range.from; from < range.from + range.count; from += chunkSeeds) {
      const to = Math.min(from + chunkSeeds, range.from + range.count) - 1;
      it(`keeps every entry exactly once and the books balanced, seeds ${from}..${to}`, { timeout: chunkTimeoutMs }, async () => {
        const failures: string[] = [];
        for (let seed = from; seed <= to; seed++) {
          const result = await runSeed(db, seed);
          if (!result.ok) failures.push(failureReport(result));
        }
        expect(failures, failures.join('\n\n')).toEqual([]);
      });
    }
  });
}
