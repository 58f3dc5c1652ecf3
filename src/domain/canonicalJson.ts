/**
 * Canonical JSON: object keys sorted, no whitespace, so that the same content always gives the same
 * text (and hash) on the PC and on the server, whatever order the fields were built in.
 * Only what JSON can carry exactly is allowed: no undefined, no NaN/Infinity, integers only.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** @example canonicalJson({ b: 1, a: [true, 'x'] }) // '{"a":[true,"x"],"b":1}' */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      // Money is integer satang; a fraction here means a bug upstream, and floats serialise unstably.
      if (!Number.isSafeInteger(value)) throw new TypeError(`canonical JSON takes safe integers only: ${value}`);
      return String(value);
    case 'string':
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj)
        .filter((k) => obj[k] !== undefined)
        .sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
    }
    default:
      throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
  }
}
