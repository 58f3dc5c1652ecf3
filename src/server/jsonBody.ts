/**
 * Reading a JSON request body within a byte limit. The limit is enforced while reading, not after, so
 * a client that lies about (or omits) Content-Length still cannot make the server buffer more than
 * `bytesMax`. http/bodyGuard.ts refuses a wrong content type earlier, before any database work; the
 * check is repeated here so a route is safe on its own.
 */
import type { Context } from 'hono';
import { ApiError } from './errors';

/** `application/json`, with parameters (charset) allowed; nothing else. */
export function isJsonContentType(contentType: string | undefined): boolean {
  return /^application\/json\s*(;|$)/i.test(contentType ?? '');
}

/** 415 for a body that is not declared JSON. */
export function notJsonError(): ApiError {
  return new ApiError(415, 'unsupported_media_type', 'ข้อมูลที่ส่งต้องเป็น JSON (Content-Type: application/json)');
}

/** 413 naming the limit. */
export function tooLargeError(bytesMax: number): ApiError {
  return new ApiError(
    413,
    'payload_too_large',
    `ข้อมูลที่ส่งมีขนาดเกิน ${bytesMax.toLocaleString('en-US')} ไบต์ กรุณาส่งเป็นชุดเล็กลง`,
  );
}

/**
 * The parsed JSON body, or an ApiError: 415 (not JSON), 413 (too large), 400 (not valid JSON).
 * @example const body: unknown = await readJsonBody(c, limits.pushBytesMax);
 */
export async function readJsonBody(c: Context, bytesMax: number): Promise<unknown> {
  if (!isJsonContentType(c.req.header('content-type'))) throw notJsonError();
  const tooLarge = tooLargeError(bytesMax);
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > bytesMax) throw tooLarge;

  const bytes = await readBounded(c.req.raw.body, bytesMax, tooLarge);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ApiError(400, 'invalid_json', 'ข้อมูลที่ส่งไม่ใช่ข้อความ UTF-8 ที่ถูกต้อง');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(400, 'invalid_json', 'ข้อมูลที่ส่งไม่ใช่ JSON ที่ถูกต้อง');
  }
}

async function readBounded(
  body: ReadableStream<Uint8Array> | null,
  bytesMax: number,
  tooLarge: ApiError,
): Promise<Uint8Array> {
  if (body === null) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > bytesMax) {
      await reader.cancel();
      throw tooLarge;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
