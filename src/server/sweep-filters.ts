import type { SearchFilterGroup } from '../adapters/hubspot/live/list-companies.ts';
import type { SignalId } from '../core/signal.ts';
import { DAY, type Instant } from '../core/time.ts';

/** Signals that fire on absence: time alone makes them fire or stop (DESIGN §5, daily sweep). */
export const ABSENCE_SIGNALS: readonly SignalId[] = [
  'gone_silent',
  'follow_up_overdue',
  'renewal_risk',
  'orders_stopped',
  'onboarding_stalled',
  'training_gap',
];

/**
 * The companies a daily sweep re-scores, as HubSpot search filter groups (OR between groups): a renewal within 90 days
 * or past, no contact logged for 30 days, a lapsing repeat buyer, or an absence reason already set (to clear it).
 */
export function sweepFilters(now: Instant, renewalProperty: string): SearchFilterGroup[] {
  const ms = (days: number) => String(now + days * DAY);
  return [
    { filters: [{ propertyName: renewalProperty, operator: 'LTE', value: ms(90) }] },
    { filters: [{ propertyName: 'notes_last_contacted', operator: 'LTE', value: ms(-30) }] },
    {
      filters: [
        { propertyName: 'recent_deal_close_date', operator: 'LTE', value: ms(-60) },
        { propertyName: 'recent_deal_close_date', operator: 'GTE', value: ms(-730) },
      ],
    },
    { filters: [{ propertyName: 'churn_risk_reasons', operator: 'IN', values: [...ABSENCE_SIGNALS] }] },
  ];
}
