import { describe, expect, it } from 'vitest';
import { DAY, isoDate, median, parseInstant, withinDays } from '../../src/core/time.ts';

describe('isoDate', () => {
  it('matches Date#toISOString for days across four centuries, leap days and the epoch', () => {
    const samples = [0, -1, 951_782_400_000, 951_868_800_000, 4_107_542_400_000, -2_208_988_800_000, 1_763_208_000_000];
    for (
      let at = Date.parse('1899-12-25T00:00:00Z');
      at < Date.parse('2101-01-05T00:00:00Z');
      at += 7 * DAY + 3_601_000
    )
      samples.push(at);
    for (const at of samples) expect(isoDate(at)).toBe(new Date(at).toISOString().slice(0, 10));
  });
});

describe('parseInstant', () => {
  it.each([
    ['2026-11-15T12:00:00Z', Date.parse('2026-11-15T12:00:00Z')],
    ['2026-11-15', Date.parse('2026-11-15')],
    ['1763208000000', 1_763_208_000_000],
    [1_763_208_000_000, 1_763_208_000_000],
    ['', null],
    [null, null],
    ['not a date', null],
  ])('%j → %j', (input, expected) => {
    expect(parseInstant(input)).toBe(expected);
  });
});

describe('median and windows', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('counts the window inclusive and the future out', () => {
    const now = 100 * DAY;
    expect(withinDays(now - 30 * DAY, now, 30)).toBe(true);
    expect(withinDays(now - 30 * DAY - 1, now, 30)).toBe(false);
    expect(withinDays(now + 1, now, 30)).toBe(false);
    expect(withinDays(null, now, 30)).toBe(false);
  });
});
