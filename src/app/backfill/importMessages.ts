/**
 * What the import screen and its worker say to each other, as zod schemas checked on arrival at both
 * ends: a page of one version may talk to a worker file of another during an update, and a message is
 * input like any other. The page sends a file and later a commit; the worker answers with progress,
 * a summary (counts, row errors, a preview) and the commit's outcome. Every message names the reading
 * it is about (`readId`), so an answer about a file the officer has since replaced is ignored.
 */
import { z } from 'zod';

/** The file types the worker reads, for `<input accept>` (here, not in decodeImportFile.ts: the page must not bundle the decoders). */
export const importFileAccept = '.csv,.xlsx';

export const importKindSchema = z.enum(['receipt', 'payment', 'budget', 'journal']);

/**
 * Commit modes: all or nothing refuses while any row has an error; valid only records the entries
 * that read cleanly and leaves the rows with errors out (they can be fixed and imported again).
 */
export const importCommitModeSchema = z.enum(['all-or-nothing', 'valid-only']);
export type ImportCommitMode = z.infer<typeof importCommitModeSchema>;

/** Stages of reading a file, for the progress bar's label. */
export const importPhaseSchema = z.enum(['file', 'decode', 'rows', 'keys', 'record']);
export type ImportPhase = z.infer<typeof importPhaseSchema>;

/** Row errors sent to the page at most (the count says how many there are in all). */
export const importErrorsShownMax = 500;
/** Entries the preview lists at most (the counts cover all). */
export const importPreviewRowsMax = 200;

const rowErrorSchema = z.object({ row: z.number().int(), column: z.string(), messageTh: z.string() });

export const importPreviewRowSchema = z.object({
  /** File rows the entry came from (1-based, header = 1). */
  rows: z.array(z.number().int()).max(10_000),
  dateBe: z.string(),
  documentTh: z.string(),
  partyTh: z.string(),
  amountTh: z.string(),
  /** new: will be recorded; recorded: an entry with the same natural key is already on this PC. */
  status: z.enum(['new', 'recorded']),
});
export type ImportPreviewRow = z.infer<typeof importPreviewRowSchema>;

export const importCountsSchema = z.object({
  /** Data rows read (blank rows not counted). */
  rows: z.number().int().nonnegative(),
  /** Entries that read cleanly. */
  entries: z.number().int().nonnegative(),
  /** Of those, not yet on this PC: what a commit records. */
  new: z.number().int().nonnegative(),
  alreadyRecorded: z.number().int().nonnegative(),
  /** Row errors (one row may have several). */
  errors: z.number().int().nonnegative(),
});
export type ImportCounts = z.infer<typeof importCountsSchema>;

export const importSummarySchema = z.object({
  readId: z.number().int(),
  kind: importKindSchema,
  fileName: z.string(),
  counts: importCountsSchema,
  /** The first {@link importErrorsShownMax} errors, by row. */
  errors: z.array(rowErrorSchema).max(importErrorsShownMax),
  /** The first {@link importPreviewRowsMax} entries, in file order. */
  preview: z.array(importPreviewRowSchema).max(importPreviewRowsMax),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;

/** Page → worker. */
export const toImportWorkerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('read'), readId: z.number().int(), kind: importKindSchema, file: z.instanceof(Blob), fileName: z.string().max(1000) }),
  z.object({ type: z.literal('commit'), readId: z.number().int(), mode: importCommitModeSchema, recordedBy: z.string().max(200) }),
]);
export type ToImportWorker = z.infer<typeof toImportWorkerSchema>;

/** Worker → page. */
export const fromImportWorkerSchema = z.discriminatedUnion('type', [
  /** `total` 0: a phase whose length is unknown (the bar shows it moving without a figure). */
  z.object({ type: z.literal('progress'), readId: z.number().int(), phase: importPhaseSchema, done: z.number().nonnegative(), total: z.number().nonnegative() }),
  z.object({ type: z.literal('read-done'), summary: importSummarySchema }),
  z.object({ type: z.literal('read-failed'), readId: z.number().int(), messageTh: z.string() }),
  z.object({ type: z.literal('committed'), readId: z.number().int(), recorded: z.number().int().nonnegative() }),
  /**
   * Nothing was written. `rows`: the file rows of the entry the store refused (empty when the refusal
   * is about the whole import); `summary`: the reading after the refused entry was moved to the
   * errors, so that "valid only" can go on without it.
   */
  z.object({
    type: z.literal('commit-refused'),
    readId: z.number().int(),
    messageTh: z.string(),
    rows: z.array(z.number().int()),
    summary: importSummarySchema.optional(),
  }),
]);
export type FromImportWorker = z.infer<typeof fromImportWorkerSchema>;
