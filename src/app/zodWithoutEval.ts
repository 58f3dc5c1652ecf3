/**
 * zod 4 compiles object parsers with `new Function` when it may, probing once with `Function('')`.
 * The server's Content-Security-Policy forbids eval (src/server/http/securityHeaders.ts), so the probe
 * is refused — harmlessly, zod falls back — but each refusal is a CSP violation report. Telling zod
 * up front not to try keeps the page free of violations; parsing is the same either way. Imported
 * first by each entry point (main.tsx, backfill/importWorker.ts), before anything parses.
 */
import { z } from 'zod';

z.config({ jitless: true });
