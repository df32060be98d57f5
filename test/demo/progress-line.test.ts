import { describe, expect, it } from 'vitest';
import { rateLimitFloorMs } from '../../src/demo/count-calls.ts';
import { progressLine } from '../../src/demo/progress-line.ts';

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { written, write: (text: string) => written.push(text), isTTY };
}

describe('progressLine', () => {
  it('redraws one line with a bar on a terminal and ends it', () => {
    const s = stream(true);
    const line = progressLine('Backfill', s);
    line.update(0, 0);
    line.update(15, 60);
    line.update(15, 60);
    line.finish(60, 60);
    expect(s.written).toEqual([
      `\rBackfill [${'#'.repeat(8)}${'.'.repeat(22)}] 15/60`,
      `\rBackfill [${'#'.repeat(30)}] 60/60\n`,
    ]);
  });

  it('writes a plain line per change elsewhere, the last one once', () => {
    const s = stream(false);
    const line = progressLine('Backfill', s);
    line.update(15, 60);
    line.update(60, 60);
    line.finish(60, 60);
    expect(s.written).toEqual(['Backfill: 15/60\n', 'Backfill: 60/60\n']);
  });
});

describe('rateLimitFloorMs', () => {
  it('is 0 for what fits in the first window, and 10 s per further 110 calls or 1 s per further 5 searches', () => {
    expect(rateLimitFloorMs({ general: 110, search: 5 })).toBe(0);
    expect(rateLimitFloorMs({ general: 111, search: 0 })).toBe(10_000);
    expect(rateLimitFloorMs({ general: 330, search: 0 })).toBe(20_000);
    expect(rateLimitFloorMs({ general: 10, search: 26 })).toBe(5_000);
  });
});
