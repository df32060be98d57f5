import type { SignalId } from '../../core/signal.ts';
import type { CompanyContext } from './company-context.ts';
import {
  championDeparted,
  outsideAccess,
  ownerDeparted,
  singleThreaded,
  stakeholderTurnover,
} from './relationship-risks.ts';
import {
  followUpOverdue,
  goneSilent,
  ordersStopped,
  overContacted,
  renewalRisk,
  ticketSurge,
  unresolvedTickets,
} from './rhythm-risks.ts';
import { budgetCut, companyChange, lowAdoption, onboardingStalled, trainingGap } from './value-risks.ts';
import { competitorOrPrice, inquiryBurst, lowNps, serviceDissatisfaction } from './voice-risks.ts';

/** Each signal's story, told in a company's records (DESIGN §2 says what each signal reads). */
const STORIES: Record<SignalId, (ctx: CompanyContext) => void> = {
  champion_departed: championDeparted,
  stakeholder_turnover: stakeholderTurnover,
  single_threaded: singleThreaded,
  outside_access: outsideAccess,
  owner_departed: ownerDeparted,
  low_nps: lowNps,
  service_dissatisfaction: serviceDissatisfaction,
  gone_silent: goneSilent,
  inquiry_burst: inquiryBurst,
  over_contacted: overContacted,
  follow_up_overdue: followUpOverdue,
  ticket_surge: ticketSurge,
  unresolved_tickets: unresolvedTickets,
  onboarding_stalled: onboardingStalled,
  low_adoption: lowAdoption,
  training_gap: trainingGap,
  budget_cut: budgetCut,
  renewal_risk: renewalRisk,
  competitor_or_price: competitorOrPrice,
  orders_stopped: ordersStopped,
  company_change: companyChange,
};

/** Adds to a healthy company's records what makes `signal` fire on it. */
export function applyRisk(signal: SignalId, ctx: CompanyContext): void {
  STORIES[signal](ctx);
}
