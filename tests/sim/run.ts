/**
 * `npm run sim -- --seeds 10000 [--from N]`: runs that many seeds of the simulation in this process
 * (one PGlite) and prints a summary: seeds, steps, entries, pushes, faults injected by kind, time;
 * each failing seed with its violations, the end of its trace and its replay command.
 * `npm run sim -- --seed N`: replays one seed and prints its whole step-by-step trace.
 * `--avoid-known-gaps` leaves out the combination of the gap the sim once found (simulate.ts header).
 * Exits 0 when every seed held, 1 when one failed, 2 on a wrong command line.
 */
import { parseArgs } from 'node:util';
import { addToSummary, emptySummary, failureReport, summaryText } from './seeds';
import { openSimDatabase } from './simServer';
import { runSeed } from './simulate';

function usage(message: string): never {
  console.error(`${message}\nusage: npm run sim -- [--seeds N] [--from N] [--avoid-known-gaps] | --seed N [--steps N] [--avoid-known-gaps]`);
  process.exit(2);
}

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1) usage(`--${name} must be a positive integer, not ${value}`);
  return Number(value);
}

let parsed;
try {
  parsed = parseArgs({
    options: {
      seeds: { type: 'string' },
      from: { type: 'string' },
      seed: { type: 'string' },
      steps: { type: 'string' },
      'avoid-known-gaps': { type: 'boolean' },
    },
    strict: true,
  }).values;
} catch (error) {
  usage(error instanceof Error ? error.message : String(error));
}

/** The combination of the gap the sim found (simulate.ts header) is simulated unless asked not to. */
const knownGaps = parsed['avoid-known-gaps'] !== true;
const db = await openSimDatabase();
const started = Date.now();
let exitCode = 0;
try {
  if (parsed.seed !== undefined) {
    const seed = positive('seed', parsed.seed, 1);
    const steps = parsed.steps === undefined ? {} : { steps: positive('steps', parsed.steps, 1) };
    const result = await runSeed(db, seed, { ...steps, knownGaps });
    console.log(result.trace.join('\n'));
    console.log(result.ok ? `seed ${seed} held (${result.steps} steps, ${result.entries} entries, ${result.pushes} pushes)` : failureReport(result, 0));
    exitCode = result.ok ? 0 : 1;
  } else {
    const count = positive('seeds', parsed.seeds, 1000);
    const from = positive('from', parsed.from, 1);
    const summary = emptySummary();
    for (let seed = from; seed < from + count; seed++) {
      const result = await runSeed(db, seed, { knownGaps });
      addToSummary(summary, result);
      if (!result.ok) console.log(`\n${failureReport(result)}\n`);
      if ((seed - from + 1) % 100 === 0) console.error(`… ${seed - from + 1}/${count} seeds, ${summary.failed.length} failed, ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
    console.log(summaryText(summary, Date.now() - started));
    if (summary.failed.length > 0) {
      console.log(`replay a failing seed step by step: npm run sim -- --seed ${summary.failed[0]}${knownGaps ? '' : ' --avoid-known-gaps'}`);
      exitCode = 1;
    }
  }
} finally {
  await db.close();
}
process.exit(exitCode);
