/**
 * A minimal Web Locks manager (exclusive, `ifAvailable` only) for Node, where navigator.locks is absent.
 */
export function createFakeLocks(): LockManager & { held: Set<string> } {
  const held = new Set<string>();
  const request = async (name: string, ...rest: unknown[]): Promise<unknown> => {
    const callback = rest[rest.length - 1] as (lock: Lock | null) => Promise<unknown>;
    const options = (rest.length > 1 ? rest[0] : {}) as LockOptions;
    if (!options.ifAvailable) throw new Error('fake locks only support ifAvailable');
    if (held.has(name)) return callback(null);
    held.add(name);
    try {
      return await callback({ name, mode: 'exclusive' } as Lock);
    } finally {
      held.delete(name);
    }
  };
  return { held, request, query: async () => ({ held: [], pending: [] }) } as unknown as LockManager & { held: Set<string> };
}
