/**
 * A logger for tests: the real JSON logger (http/logger.ts) writing into arrays, so a test reads the
 * lines the operator would see, parsed.
 */
import { jsonLogger, type Logger, type LogLevel } from '../../src/server/http/logger';

export interface CapturedLog {
  logger: Logger;
  /** Every line written, parsed, in order, with the stream it went to. */
  lines: () => (Record<string, unknown> & { stream: 'out' | 'err' })[];
  /** The raw text of every line, for "never contains" checks. */
  text: () => string;
}

export function captureLogger(level: LogLevel = 'debug'): CapturedLog {
  const raw: { stream: 'out' | 'err'; line: string }[] = [];
  const logger = jsonLogger(level, {
    out: (line) => raw.push({ stream: 'out', line }),
    err: (line) => raw.push({ stream: 'err', line }),
  });
  return {
    logger,
    lines: () => raw.map(({ stream, line }) => ({ ...(JSON.parse(line) as Record<string, unknown>), stream })),
    text: () => raw.map((r) => r.line).join('\n'),
  };
}
