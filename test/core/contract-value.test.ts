import { describe, expect, it } from 'vitest';
import { contractValue } from '../../src/core/contract-value.ts';
import { daysAgo, deal, NOW, snapshot } from '../helpers/build.ts';

const won = (id: string, amount: number | null, days: number) =>
  deal({ id, status: 'won', amount, closeDate: daysAgo(days) });

describe('contractValue', () => {
  it('sums the won deals of the last year', () => {
    expect(contractValue(snapshot({ deals: [won('1', 100, 10), won('2', 50, 300), won('3', 999, 500)] }), NOW)).toBe(
      150,
    );
  });

  it('falls back to the last won deal of the two years before when the yearly contract is older than a year', () => {
    expect(contractValue(snapshot({ deals: [won('1', 80, 400), won('2', 60, 600), won('3', 999, 800)] }), NOW)).toBe(
      80,
    );
  });

  it('ignores open, lost, future and amount-less deals', () => {
    const deals = [
      deal({ id: '1', status: 'open', amount: 10, closeDate: daysAgo(5) }),
      deal({ id: '2', status: 'lost', amount: 20, closeDate: daysAgo(5) }),
      won('3', 30, -5),
      won('4', null, 5),
    ];
    expect(contractValue(snapshot({ deals }), NOW)).toBe(0);
  });
});
