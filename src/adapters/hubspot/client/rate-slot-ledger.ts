import type { RateSlotLedger } from '../../../store/store.ts';

export type { RateBucket, RateLimit, RateSlotLedger } from '../../../store/store.ts';

/** The ledger of one process: the grant times per portal and bucket, in memory. */
export function memorySlotLedger(now: () => number): RateSlotLedger {
  const logs = new Map<string, number[]>();
  return {
    async take(portalId, bucket, limit) {
      const key = `${portalId}:${bucket}`;
      let granted = logs.get(key);
      if (!granted) {
        granted = [];
        logs.set(key, granted);
      }
      const at = now();
      while (granted.length > 0 && (granted[0] as number) + limit.windowMs <= at) granted.shift();
      if (granted.length < limit.requests) {
        granted.push(at);
        return 0;
      }
      return (granted[granted.length - limit.requests] as number) + limit.windowMs - at;
    },
  };
}
