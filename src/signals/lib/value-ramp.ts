/**
 * Linear ramp used for strengths: `from` at `x0`, `to` at `x1`, clamped to that range outside it. Works in both
 * directions (x1 < x0 for "stronger the lower").
 */
export function ramp(x: number, x0: number, x1: number, from: number, to: number): number {
  if (x0 === x1) return to;
  const t = (x - x0) / (x1 - x0);
  if (!(t > 0)) return from;
  if (t >= 1) return to;
  return from + (to - from) * t;
}
