/** Object ids are strings of digits: numeric order without BigInt (longer is larger), ascending. */
export function compareIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}
