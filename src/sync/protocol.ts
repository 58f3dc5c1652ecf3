/**
 * Sync protocol v1: the shapes that cross the network between a PC and the sync server, as zod
 * schemas used on both ends. DESIGN.md §4 is the prose version.
 */
import { z } from 'zod';
import { accountSchema } from '../domain/chart/account';
import { uuidPattern } from '../domain/entryId';
import { moneyRulesSchema } from '../domain/moneyRules';
import { isIsoDate } from '../domain/thaiDate';
import { daysInRange } from './dayDigest';

export const protocolVersion = 1;

/** Limits on one push, so a request is always a bounded amount of work (TIGER_STYLE). */
export const batchEntriesMax = 500;
export const pushBytesMax = 4 * 1024 * 1024;

export const apiPaths = {
  enroll: '/api/v1/enroll',
  entries: '/api/v1/entries',
  health: '/api/v1/health',
} as const;

const uuid = z.string().regex(uuidPattern);

// ---- POST /api/v1/enroll -------------------------------------------------------------------------

export const enrollRequestSchema = z
  .object({
    code: z
      .string({ error: 'กรุณากรอกรหัสลงทะเบียน' })
      .trim()
      .min(4, { error: 'รหัสลงทะเบียนสั้นเกินไป' })
      .max(64, { error: 'รหัสลงทะเบียนยาวเกินไป' }),
    deviceName: z.string().trim().max(100).optional(),
    /**
     * Enrolling again: the device id this PC had (its pending entries carry it). The server keeps it
     * only for a device of the code's own organisation, and refuses the enrolment otherwise.
     */
    deviceId: z.string({ error: 'รหัสเครื่องเดิม (deviceId) ต้องเป็นข้อความ' }).regex(uuidPattern, { error: 'รหัสเครื่องเดิม (deviceId) ไม่ใช่ UUID' }).optional(),
  })
  .strict();
export type EnrollRequest = z.infer<typeof enrollRequestSchema>;

export const enrollResponseSchema = z.object({
  protocol: z.literal(protocolVersion),
  orgId: uuid,
  orgName: z.string(),
  deviceId: uuid,
  /** Bearer token for every later request; the server keeps only its hash. */
  token: z.string().min(32),
});
export type EnrollResponse = z.infer<typeof enrollResponseSchema>;

// ---- POST /api/v1/entries ------------------------------------------------------------------------

/**
 * Entries are checked one by one with the domain's `checkEntry` on the server (an invalid entry is
 * rejected alone, the rest of the batch still posts), so the envelope takes them as unknown objects.
 */
export const pushRequestSchema = z
  .object({
    protocol: z.literal(protocolVersion, { error: 'รุ่นโปรโตคอลไม่รองรับ' }),
    deviceId: uuid,
    entries: z
      .array(z.record(z.string(), z.unknown()))
      .min(1, { error: 'ไม่มีรายการที่จะส่ง' })
      .max(batchEntriesMax, { error: `ส่งได้ครั้งละไม่เกิน ${batchEntriesMax} รายการ` }),
  })
  .strict();
export type PushRequest = z.infer<typeof pushRequestSchema>;

/** Longest document path a rejection may name ('deductions.3.account'); anything longer is not one. */
export const rejectedFieldLengthMax = 100;

/**
 * What became of one entry. `duplicate` (same id, same hash) counts as posted. A rejection by the
 * books may name the entry's field at fault (`field`, a document path such as 'receiptNo', 'date',
 * 'grossSatang', 'items.0.account'), so the officer's corrected entry can start at that field. It is
 * optional and additive within protocol v1: an older server never sends it, and an older client's
 * schema (z.object strips unknown keys) reads the result without it.
 */
export const pushResultSchema = z.discriminatedUnion('outcome', [
  z.object({ id: z.string(), outcome: z.literal('posted'), serverSeq: z.number().int().positive() }),
  z.object({ id: z.string(), outcome: z.literal('duplicate'), serverSeq: z.number().int().positive() }),
  z.object({
    id: z.string(),
    outcome: z.literal('rejected'),
    code: z.string(),
    message: z.string(),
    field: z.string().min(1).max(rejectedFieldLengthMax).optional(),
  }),
  z.object({ id: z.string(), outcome: z.literal('conflict'), message: z.string() }),
]);
export type PushResult = z.infer<typeof pushResultSchema>;

export const pushResponseSchema = z.object({
  protocol: z.literal(protocolVersion),
  results: z.array(pushResultSchema).max(batchEntriesMax),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

// ---- errors --------------------------------------------------------------------------------------

/** Every non-2xx answer carries a code for programs and a Thai message for the officer. */
export const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

// ---- GET /api/v1/setup ---------------------------------------------------------------------------

/** Path of the organisation's books setup (chart of accounts and money rules), read with the device token. */
export const setupPath = '/api/v1/setup';

/**
 * Accounts one chart may hold: the same bound as the domain's CSV loader (chartAccountsMax), written
 * here rather than imported so the service worker does not pull in the CSV parser.
 */
export const setupAccountsMax = 5_000;

/** A chart of accounts as it crosses the network and as the PC keeps it. */
export const setupChartSchema = z
  .object({
    versionLabel: z.string().trim().min(1, { error: 'ผังบัญชีไม่มีชื่อรุ่น' }).max(200, { error: 'ชื่อรุ่นของผังบัญชียาวเกิน 200 ตัวอักษร' }),
    accounts: z
      .array(accountSchema)
      .min(1, { error: 'ผังบัญชีไม่มีบัญชีเลย' })
      .max(setupAccountsMax, { error: `ผังบัญชีมีได้ไม่เกิน ${setupAccountsMax} บัญชี` }),
  })
  .strict();

/** The organisation's books setup: the chart its entries are checked against, and its money rules. */
export const setupResponseSchema = z.object({
  protocol: z.literal(protocolVersion),
  chart: setupChartSchema,
  rules: moneyRulesSchema,
});
export type SetupResponse = z.infer<typeof setupResponseSchema>;

// ---- GET /api/v1/digest --------------------------------------------------------------------------

/**
 * Path of the per-day digest of the calling device's entries on the server (DESIGN.md §4 Server data
 * loss): `GET /api/v1/digest?from=YYYY-MM-DD&to=YYYY-MM-DD`, with the device token.
 */
export const digestPath = '/api/v1/digest';

/** Days one digest request may cover, both ends included: a year and a bit, so a fiscal year fits. */
export const digestDaysMax = 400;

const isoDateParam = (nameTh: string) =>
  z
    .string({ error: `ไม่มี${nameTh} (ต้องเป็นวันที่รูปแบบ ปปปป-ดด-วว ค.ศ. เช่น 2024-01-16)` })
    .refine(isIsoDate, { error: `${nameTh}ต้องเป็นวันที่ที่มีอยู่จริง รูปแบบ ปปปป-ดด-วว ค.ศ. เช่น 2024-01-16` });

/** The query of a digest request: a range of business dates, at most digestDaysMax days. */
export const digestQuerySchema = z
  .object({ from: isoDateParam('วันที่เริ่มต้น (from)'), to: isoDateParam('วันที่สิ้นสุด (to)') })
  .strict()
  .superRefine((q, ctx) => {
    const days = daysInRange(q.from, q.to);
    if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: 'วันที่สิ้นสุด (to) ต้องไม่ก่อนวันที่เริ่มต้น (from)' });
    else if (days > digestDaysMax) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `ขอสรุปได้ครั้งละไม่เกิน ${digestDaysMax} วัน (ขอมา ${days} วัน) กรุณาแบ่งช่วงวันที่` });
    }
  });
export type DigestQuery = z.infer<typeof digestQuerySchema>;

/** One business date's digest of the device's entries the server holds (src/sync/dayDigest.ts). */
export const dayDigestSchema = z
  .object({
    date: z.string().refine(isIsoDate),
    count: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();

/** The answer: one element per date in range that has entries of this device on the server, by date. */
export const digestResponseSchema = z.object({
  protocol: z.literal(protocolVersion),
  deviceId: uuid,
  from: z.string().refine(isIsoDate),
  to: z.string().refine(isIsoDate),
  days: z.array(dayDigestSchema).max(digestDaysMax),
});
export type DigestResponse = z.infer<typeof digestResponseSchema>;
