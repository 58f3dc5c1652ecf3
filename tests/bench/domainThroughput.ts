/**
 * Bench: the domain's own speed on 100,000 mixed entries of every kind, i.e. what the server does to
 * each arriving entry before touching its database, and what an import does per row:
 *   1. checkEntry: validate (zod) + derive lines + compare + hash, from JSON as it arrives;
 *   2. checkAgainstBooks + apply on InMemoryBooks, in order (the stateful rules);
 * beside the floor: SHA-256 of the same entries' canonical JSON alone (the hash every check must pay).
 */
import { checkAgainstBooks } from '../../src/domain/books/checkAgainstBooks';
import { canonicalJson } from '../../src/domain/canonicalJson';
import { checkEntry, type Entry } from '../../src/domain/entry';
import { sha256Hex } from '../../src/domain/entryHash';
import { freshBooks, mixedEntries } from './mixedEntries';

const entryCount = 100_000;

function timed<T>(work: () => T): { ms: number; value: T } {
  const started = performance.now();
  const value = work();
  return { ms: performance.now() - started, value };
}

const rate = (n: number, ms: number) => `${Math.round((n / ms) * 1000).toLocaleString('en-US')} entries/s`;

export function benchDomain(): void {
  const made = timed(() => mixedEntries(entryCount));
  const entries = made.value;
  const kinds = new Map<string, number>();
  for (const e of entries) kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + 1);
  console.log(`domain: ${entries.length} mixed entries (${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}) generated in ${(made.ms / 1000).toFixed(1)} s`);
  const wire = entries.map((e) => JSON.parse(JSON.stringify(e)) as unknown);

  const floor = timed(() => {
    let x = 0;
    for (const e of entries) {
      const { hash: _h, ...content } = e;
      x += sha256Hex(canonicalJson(content)).length;
    }
    return x;
  });
  const check = timed(() => wire.filter((raw) => checkEntry(raw).outcome === 'valid').length);
  if (check.value !== entries.length) throw new Error(`checkEntry refused ${entries.length - check.value} valid entries`);
  const books = freshBooks();
  const rules = timed(() => {
    let accepted = 0;
    for (const e of entries as Entry[]) {
      if (checkAgainstBooks(e, books).outcome === 'accepted') {
        books.apply(e);
        accepted += 1;
      }
    }
    return accepted;
  });
  if (rules.value !== entries.length) throw new Error(`books refused ${entries.length - rules.value} entries that were accepted when made`);

  console.log(`  validate + derive + hash (checkEntry): ${(check.ms / 1000).toFixed(2)} s, ${rate(entries.length, check.ms)}`);
  console.log(`  floor, SHA-256 of canonical JSON only: ${(floor.ms / 1000).toFixed(2)} s, ${rate(entries.length, floor.ms)}`);
  console.log(`  ratio checkEntry / hash floor: ${(check.ms / floor.ms).toFixed(2)}x`);
  console.log(`  books rules + apply (checkAgainstBooks): ${(rules.ms / 1000).toFixed(2)} s, ${rate(entries.length, rules.ms)}`);
}
