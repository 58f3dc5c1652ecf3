/**
 * The server's configuration: every environment variable it reads, read here and nowhere else, each
 * validated with zod. A bad value stops the start with a message naming the variable, in Thai and
 * English, before anything is opened (README "Operations" lists them all).
 */
import { z } from 'zod';
import { logLevels, type LogLevel } from './http/logger';
import { defaultLimits, resolveLimits, type ServerLimits } from './limits';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  distDir: string;
  /** Unset: PGlite in `dataDir`; set: that PostgreSQL database. */
  databaseUrl: string | undefined;
  logLevel: LogLevel;
  /** Origins allowed to call the API from a browser (CORS); empty: closed. */
  corsOrigins: string[];
  limits: ServerLimits;
  /** In-flight requests get this long to finish at shutdown; then their connections are cut. */
  shutdownGraceMs: number;
  /** Readiness gives the database this long to answer. */
  readyTimeoutMs: number;
}

/** A configuration the server cannot start with; `message` names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`การตั้งค่าไม่ถูกต้อง (invalid configuration):\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const positiveInt = (th: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,15}$/, { error: `ต้องเป็นจำนวนเต็มบวก (${th})` })
    .transform(Number)
    .refine((n) => n >= 1, { error: `ต้องเป็นจำนวนเต็มบวก (${th})` });

const originList = z
  .string()
  .transform((text) => text.split(',').map((s) => s.trim()).filter((s) => s !== ''))
  .check((ctx) => {
    for (const origin of ctx.value) {
      if (!isOrigin(origin)) {
        ctx.issues.push({ code: 'custom', input: origin, message: `"${origin}" ไม่ใช่ต้นทาง เช่น https://app.example.go.th (not an origin)` });
      }
    }
  });

/** Each variable, its schema, and the default when it is unset or empty. */
const variables = {
  PORT: z
    .string()
    .trim()
    .regex(/^\d{1,5}$/, { error: 'ต้องเป็นเลขพอร์ต 0–65535 (a port number)' })
    .transform(Number)
    .refine((n) => n <= 65535, { error: 'ต้องเป็นเลขพอร์ต 0–65535 (a port number)' }),
  HOST: z.string().trim().min(1),
  DATA_DIR: z.string().min(1),
  DIST_DIR: z.string().min(1),
  DATABASE_URL: z
    .string()
    .trim()
    .refine((url) => /^postgres(ql)?:\/\//.test(url), { error: 'ต้องขึ้นต้นด้วย postgres:// (a PostgreSQL URL)' }),
  LOG_LEVEL: z.enum(logLevels, { error: `ต้องเป็นค่าใดค่าหนึ่งของ ${logLevels.join(', ')}` }),
  CORS_ORIGINS: originList,
  PUSH_CONCURRENT_MAX: positiveInt('pushes at once'),
  PUSH_BYTES_MAX: positiveInt('bytes'),
  ENROLL_BYTES_MAX: positiveInt('bytes'),
  DEVICE_PUSH_BURST: positiveInt('pushes'),
  DEVICE_PUSHES_PER_SECOND: positiveInt('pushes a second'),
  RETRY_AFTER_SECONDS: positiveInt('seconds'),
  SHUTDOWN_GRACE_MS: positiveInt('milliseconds'),
  READY_TIMEOUT_MS: positiveInt('milliseconds'),
} as const;

type Name = keyof typeof variables;
type Values = { [K in Name]?: z.output<(typeof variables)[K]> };

/** The names the server reads, for the README and for tests. */
export const configVariableNames = Object.keys(variables) as Name[];

/**
 * Reads the configuration from `env` (the process environment in main.ts).
 * @example const config = readConfig(process.env); // throws ConfigError naming PORT when PORT=abc
 */
export function readConfig(env: Record<string, string | undefined>): ServerConfig {
  const problems: string[] = [];
  const values: Values = {};
  for (const name of configVariableNames) {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') continue;
    const parsed = variables[name].safeParse(raw);
    if (parsed.success) (values as Record<string, unknown>)[name] = parsed.data;
    else problems.push(`${name}=${JSON.stringify(raw.slice(0, 100))}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  }
  if (problems.length > 0) throw new ConfigError(problems);

  let limits: ServerLimits;
  try {
    limits = resolveLimits({
      ...(values.PUSH_CONCURRENT_MAX !== undefined && { pushConcurrentMax: values.PUSH_CONCURRENT_MAX }),
      ...(values.PUSH_BYTES_MAX !== undefined && { pushBytesMax: values.PUSH_BYTES_MAX }),
      ...(values.ENROLL_BYTES_MAX !== undefined && { enrollBytesMax: values.ENROLL_BYTES_MAX }),
      ...(values.DEVICE_PUSH_BURST !== undefined && { devicePushBurst: values.DEVICE_PUSH_BURST }),
      ...(values.DEVICE_PUSHES_PER_SECOND !== undefined && { devicePushesPerSecond: values.DEVICE_PUSHES_PER_SECOND }),
      ...(values.RETRY_AFTER_SECONDS !== undefined && { retryAfterSeconds: values.RETRY_AFTER_SECONDS }),
    });
  } catch (err) {
    throw new ConfigError([`ขีดจำกัดเกินที่โปรโตคอลรับได้ (a limit above the protocol's): ${(err as Error).message} (PUSH_BYTES_MAX ≤ ${defaultLimits.pushBytesMax})`]);
  }

  return {
    port: values.PORT ?? 8080,
    host: values.HOST ?? '127.0.0.1',
    dataDir: values.DATA_DIR ?? './data',
    distDir: values.DIST_DIR ?? './dist',
    databaseUrl: values.DATABASE_URL,
    logLevel: values.LOG_LEVEL ?? 'info',
    corsOrigins: values.CORS_ORIGINS ?? [],
    limits,
    shutdownGraceMs: values.SHUTDOWN_GRACE_MS ?? 30_000,
    readyTimeoutMs: values.READY_TIMEOUT_MS ?? 2_000,
  };
}

/** `https://host[:port]` or `http://…` with nothing after: what a browser sends as Origin. */
function isOrigin(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === text;
  } catch {
    return false;
  }
}
