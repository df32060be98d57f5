import NodeCache from 'node-cache';

export interface TtlCache {
  /**
   * The value under `key` while it is younger than `ttlSeconds`, else what `load` resolves to (then kept; a ttl of 0 keeps nothing). Callers
   * asking for a key that is loading share that one load; a failed load is not kept, and its callers all see the error.
   * Values are shared, not copied: treat them as read-only.
   */
  cached<T>(key: string, ttlSeconds: number, load: () => Promise<T>): Promise<T>;
  /** Forgets the key (and ignores a load of it still in flight), e.g. after the app changed the data. */
  delete(key: string): void;
  /** Forgets every key starting with `prefix`, e.g. `portal:123:` on uninstall. */
  deletePrefix(prefix: string): void;
}

/**
 * A cache for what is read often and rarely changes (owners, property definitions, access tokens); the store stays
 * the source of truth. node-cache keeps the values and expires them; this adds the in-flight de-duplication.
 */
export function createTtlCache(options: { checkPeriodSeconds?: number } = {}): TtlCache {
  // useClones: false, or every hit would deep-copy a list of owners; node-cache unrefs its check timer.
  const store = new NodeCache({ stdTTL: 0, checkperiod: options.checkPeriodSeconds ?? 120, useClones: false });
  const inFlight = new Map<string, Promise<unknown>>();

  return {
    cached<T>(key: string, ttlSeconds: number, load: () => Promise<T>): Promise<T> {
      // node-cache stores undefined as "no value": a wrapper keeps an undefined result cacheable too.
      const hit = store.get<{ value: T }>(key);
      if (hit) return Promise.resolve(hit.value);
      const pending = inFlight.get(key);
      if (pending) return pending as Promise<T>;

      // Started in a then(), so `loading` is assigned before any callback below compares against it.
      const loading: Promise<T> = Promise.resolve()
        .then(load)
        .then((value) => {
          if (inFlight.get(key) === loading && ttlSeconds > 0) store.set(key, { value }, ttlSeconds);
          return value;
        })
        .finally(() => {
          if (inFlight.get(key) === loading) inFlight.delete(key);
        });
      inFlight.set(key, loading);
      return loading;
    },
    delete(key) {
      store.del(key);
      inFlight.delete(key);
    },
    deletePrefix(prefix) {
      store.del(store.keys().filter((key) => key.startsWith(prefix)));
      for (const key of [...inFlight.keys()]) if (key.startsWith(prefix)) inFlight.delete(key);
    },
  };
}
