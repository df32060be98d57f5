import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../src/sandbox/demo/create-random.ts';

const draws = (seed: number, n = 5) => {
  const r = createRandom(seed);
  return Array.from({ length: n }, () => r.next());
};

describe('createRandom', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    expect(draws(7)).toEqual(draws(7));
    expect(draws(7)).not.toEqual(draws(8));
    expect(draws(2 ** 40)).not.toEqual(draws(0));
  });

  it('draws integers within both bounds, and every value of a small range', () => {
    const r = createRandom(1);
    const seen = new Set<number>();
    for (let i = 0; i < 500; i++) seen.add(r.int(3, 6));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('forks streams that do not depend on how much the parent drew', () => {
    const a = createRandom(5);
    const b = createRandom(5);
    b.next();
    b.next();
    expect(a.fork('company:1').next()).toBe(b.fork('company:1').next());
    expect(a.fork('company:1').next()).not.toBe(a.fork('company:2').next());
  });

  it('shuffles into a permutation without touching its input', () => {
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    const shuffled = createRandom(3).shuffle(items);
    expect(items).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect([...shuffled].sort()).toEqual(items);
  });

  it('refuses a seed that is not an integer, and a pick from nothing', () => {
    expect(() => createRandom(1.5)).toThrow(RangeError);
    expect(() => createRandom(Number.NaN)).toThrow(RangeError);
    expect(() => createRandom(1).pick([])).toThrow(/empty/);
  });
});
