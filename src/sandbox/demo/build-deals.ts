import type { HubSpotObject } from '../../adapters/hubspot/bundle.ts';
import { DAY } from '../../core/time.ts';
import type { CompanyContext } from './company-context.ts';
import type { Change } from './portal-builder.ts';

const YEAR = 365 * DAY;

export interface DealSpec {
  name: string;
  type: 'newbusiness' | 'renewal' | 'existingbusiness';
  amount: number;
  createdAt: number;
  closeAt: number;
  /** Stages with the time each was entered, oldest first; the last one is the current stage. */
  stages: [string, number][];
  lostReason?: string;
  /** Earlier amounts, oldest first, with when they were set (the deal's amount is `amount` after them). */
  earlierAmounts?: [number, number][];
}

/** Adds one deal, with the stage and amount histories HubSpot keeps. */
export function addDeal(ctx: CompanyContext, spec: DealSpec): HubSpotObject {
  const stage = spec.stages.at(-1)?.[0] ?? 'appointmentscheduled';
  const won = stage === 'closedwon';
  const closed = won || stage === 'closedlost';
  const deal = ctx.add(
    'deals',
    {
      dealname: spec.name,
      pipeline: 'default',
      dealtype: spec.type,
      closedate: ctx.iso(spec.closeAt),
      hs_is_closed_won: String(won),
      hs_is_closed: String(closed),
      closed_lost_reason: spec.lostReason ?? null,
      hubspot_owner_id: ctx.plan.ownerId,
    },
    {
      at: spec.createdAt,
      history: {
        dealstage: spec.stages.map(([value, at]): Change => [value, at]),
        amount: spec.earlierAmounts
          ? [
              ...spec.earlierAmounts.map(([value, at]): Change => [String(value), at]),
              [String(spec.amount), spec.stages.at(-2)?.[1] ?? spec.createdAt],
            ]
          : [[String(spec.amount), spec.createdAt]],
      },
    },
  );
  ctx.deals.push(deal);
  return deal;
}

/**
 * The company's deals. Yearly contracts: the first sale, a won renewal at every anniversary (growing a little), and
 * the coming renewal as an open deal once it is less than ~110 days away. Re-orders: a won order every few months.
 * For renewal_risk the last renewal was never won: its deal is still open past the renewal date.
 */
export function buildDeals(ctx: CompanyContext): void {
  const { plan, r, now, customerSince } = ctx;
  const yearly = plan.seats * plan.seatPrice;
  const name = plan.profile.name;
  const firstClose = customerSince;
  if (plan.orders === 'reorders') {
    const interval = r.int(60, 95);
    const lastOrderDaysAgo = r.int(Math.max(130, 2 * interval), 260);
    let n = 1;
    for (let at = firstClose; at <= now - lastOrderDaysAgo * DAY; at += interval * DAY + r.int(-5, 5) * DAY) {
      addDeal(ctx, {
        name: `${name} — automation credits, order ${n}`,
        type: n === 1 ? 'newbusiness' : 'existingbusiness',
        amount: Math.round((yearly / 4) * (0.9 + 0.2 * r.next())),
        createdAt: at - r.int(7, 20) * DAY,
        closeAt: at,
        stages: [
          ['qualifiedtobuy', at - r.int(7, 20) * DAY],
          ['closedwon', at],
        ],
      });
      n++;
    }
    return;
  }

  const initialSeats = Math.max(5, Math.round(plan.seats * (0.7 + 0.2 * r.next())));
  const created = firstClose - r.int(20, 60) * DAY;
  addDeal(ctx, {
    name: `${name} — FlowPilot Business (${initialSeats} seats)`,
    type: 'newbusiness',
    amount: initialSeats * plan.seatPrice,
    createdAt: created,
    closeAt: firstClose,
    stages: [
      ['appointmentscheduled', created],
      ['presentationscheduled', created + r.int(5, 15) * DAY],
      ['closedwon', firstClose],
    ],
  });
  const years = Math.floor((now - customerSince) / YEAR);
  const overdue = plan.risks.includes('renewal_risk') && !plan.risks.includes('gone_silent');
  const stalled = plan.risks.includes('renewal_risk') && plan.risks.includes('gone_silent');
  for (let k = 1; k <= years + 1; k++) {
    const anniversary = customerSince + k * YEAR;
    const seats = Math.round(initialSeats + ((plan.seats - initialSeats) * k) / Math.max(1, years));
    const amount = Math.min(plan.seats, seats) * plan.seatPrice;
    const opened = anniversary - (stalled ? r.int(100, 110) : r.int(90, 110)) * DAY;
    const stillOpen = k === years + 1 || (k === years && overdue);
    if (stillOpen && (opened > now - 3 * DAY || anniversary - now > 110 * DAY)) break;
    const title = `${name} — ${new Date(anniversary).getUTCFullYear()} renewal (${Math.min(plan.seats, seats)} seats)`;
    if (!stillOpen) {
      const closeAt = anniversary - r.int(0, 20) * DAY;
      // Some renewals grew during the negotiation: first proposed for fewer seats.
      const proposed = Math.floor((amount * 0.9) / 100) * 100;
      addDeal(ctx, {
        name: title,
        type: 'renewal',
        amount,
        createdAt: opened,
        closeAt,
        stages: [
          ['qualifiedtobuy', opened],
          ['contractsent', closeAt - r.int(5, 15) * DAY],
          ['closedwon', closeAt],
        ],
        ...(r.chance(0.4) ? { earlierAmounts: [[proposed, opened]] } : {}),
      });
      continue;
    }
    // The open renewal moved recently, unless it is the renewal_risk story (stuck since it was opened).
    const moved = stalled || overdue ? opened + r.int(1, 3) * DAY : now - r.int(2, 20) * DAY;
    addDeal(ctx, {
      name: title,
      type: 'renewal',
      amount: Math.ceil((amount * (1 + 0.05 * r.next())) / 100) * 100,
      createdAt: opened,
      closeAt: anniversary,
      stages: [
        ['qualifiedtobuy', opened],
        ['presentationscheduled', Math.max(opened + DAY, moved)],
      ],
    });
    break;
  }
}
