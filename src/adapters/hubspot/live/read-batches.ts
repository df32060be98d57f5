import { HubSpotApiError } from '../client/hubspot-error.ts';

/** DESIGN §7: a batch read takes 100 inputs, an association batch read 1,000. */
export const BATCH_READ_SIZE = 100;
export const ASSOCIATION_BATCH_SIZE = 1000;

/** `items` in consecutive slices of at most `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * A batch read of ids none of which exist. HubSpot answers a partly missing batch with 207 and an `errors` list (the
 * client resolves any 2xx); should it answer a wholly missing one with 404 OBJECT_NOT_FOUND, that means "no records",
 * not a failure. Any other 404 (wrong base URL, unknown object type) still throws.
 */
export function isObjectNotFound(error: unknown): boolean {
  return error instanceof HubSpotApiError && error.kind === 'not_found' && error.category === 'OBJECT_NOT_FOUND';
}

/** Object ids are strings of digits: numeric order without BigInt (longer is larger), descending. */
export function newestFirst(a: string, b: string): number {
  if (a.length !== b.length) return b.length - a.length;
  return a < b ? 1 : a > b ? -1 : 0;
}
