import type { SignalId } from '../../core/signal.ts';

/**
 * What each churn signal's story needs from a company's plan before its records are built: how long it has been a
 * customer, how it buys, and which other stories it cannot share a company with (their data would contradict).
 */
export interface RiskRule {
  /** Days as a customer the story needs. */
  customerDays?: readonly [number, number];
  /** Signals whose stories contradict this one. */
  conflicts?: readonly SignalId[];
}

export const RISK_RULES: Readonly<Partial<Record<SignalId, RiskRule>>> = {
  // A silent account has no fresh inbound emails or conversations; it had a rhythm to break first.
  gone_silent: { customerDays: [160, 1800], conflicts: ['inquiry_burst', 'competitor_or_price'] },
  // A repeat buyer on frequent orders, not on a yearly contract.
  orders_stopped: {
    customerDays: [540, 1300],
    conflicts: ['renewal_risk', 'budget_cut', 'onboarding_stalled', 'training_gap'],
  },
  // Young customers; old enough for a baseline of tickets and questions.
  onboarding_stalled: { customerDays: [100, 200] },
  training_gap: { customerDays: [130, 330] },
  // A renewal that came and went: past its first anniversary. Both it and budget_cut are about the renewal deal.
  renewal_risk: { customerDays: [377, 1500], conflicts: ['budget_cut', 'onboarding_stalled', 'training_gap'] },
  ticket_surge: { customerDays: [120, 1800] },
  inquiry_burst: { customerDays: [120, 1800] },
  // The renewal deal needs a past contract to compare with.
  budget_cut: { customerDays: [400, 1800] },
};

export function conflicting(a: SignalId, b: SignalId): boolean {
  return Boolean(RISK_RULES[a]?.conflicts?.includes(b) || RISK_RULES[b]?.conflicts?.includes(a));
}

/** The customer-age range that satisfies every story, or null when they cannot share a company. */
export function customerDaysFor(risks: readonly SignalId[]): [number, number] | null {
  let lo = 60;
  let hi = 1800;
  for (const risk of risks) {
    const range = RISK_RULES[risk]?.customerDays;
    if (!range) continue;
    lo = Math.max(lo, range[0]);
    hi = Math.min(hi, range[1]);
  }
  return lo <= hi ? [lo, hi] : null;
}
