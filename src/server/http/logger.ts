/**
 * The server's log: one JSON object per line, so a log shipper (journald, Loki, CloudWatch…) reads it
 * without parsing prose. Requests and notices go to stdout, warnings and errors (with their stack) to
 * stderr. A logger is handed to `createApp`, never global: tests capture one or keep it quiet.
 * Rule: never log a token, an enrolment code or a request body: they are secrets or the officers' data.
 */

/** Levels in rising order; `silent` logs nothing. */
export const logLevels = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

/** Fields of one log line besides `time`, `level` and `msg`. */
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

/** Where lines are written; by default the process's stdout and stderr. */
export interface LogSink {
  out(line: string): void;
  err(line: string): void;
}

const processSink: LogSink = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/**
 * A logger writing lines at `level` and above.
 * @example const log = jsonLogger('info'); log.info('request', { requestId, status: 200 });
 *   // {"time":"2024-07-10T03:00:00.000Z","level":"info","msg":"request","requestId":"…","status":200}
 */
export function jsonLogger(level: LogLevel, sink: LogSink = processSink, now: () => Date = () => new Date()): Logger {
  const threshold = logLevels.indexOf(level);
  const write = (lineLevel: Exclude<LogLevel, 'silent'>, msg: string, fields: LogFields = {}) => {
    if (logLevels.indexOf(lineLevel) < threshold) return;
    const line = safeStringify({ time: now().toISOString(), level: lineLevel, msg, ...fields });
    if (lineLevel === 'warn' || lineLevel === 'error') sink.err(line);
    else sink.out(line);
  };
  return {
    debug: (msg, fields) => write('debug', msg, fields),
    info: (msg, fields) => write('info', msg, fields),
    warn: (msg, fields) => write('warn', msg, fields),
    error: (msg, fields) => write('error', msg, fields),
  };
}

/** The fields of an error worth logging: its name, message and stack (never sent to a client). */
export function errorFields(err: unknown): LogFields {
  if (err instanceof Error) return { error: { name: err.name, message: err.message, stack: err.stack } };
  return { error: { message: String(err) } };
}

/** A log line must never throw: a BigInt or a cycle in the fields is written as text instead. */
function safeStringify(value: LogFields): string {
  try {
    return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  } catch {
    return JSON.stringify({ time: value.time, level: value.level, msg: value.msg, note: 'fields not serialisable' });
  }
}

/** What an app built without a logger uses: only warnings and errors, so tests stay quiet but bugs show. */
export function defaultLogger(): Logger {
  return jsonLogger('warn');
}
