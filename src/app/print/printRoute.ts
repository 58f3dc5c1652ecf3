/** The print view's address: `#print/<entryId>` (so a reload, or a bookmark, reopens the same document). */
import { useEffect, useState } from 'preact/hooks';

const printHashPattern = /^#\/?print\/([0-9a-f-]{36})$/;

/** @example printTargetOfHash('#print/0190d6a4-…') // '0190d6a4-…' ; printTargetOfHash('#entries') // undefined */
export function printTargetOfHash(hash: string): string | undefined {
  return printHashPattern.exec(hash)?.[1];
}

export function printHash(entryId: string): string {
  return `#print/${entryId}`;
}

/** The entry the address asks to print, following the hash. */
export function usePrintTarget(): string | undefined {
  const [id, setId] = useState(() => printTargetOfHash(location.hash));
  useEffect(() => {
    const follow = () => setId(printTargetOfHash(location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return id;
}
