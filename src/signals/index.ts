import type { SignalDefinition } from '../core/signal.ts';
import { budgetCut } from './budget-cut.ts';
import { championDeparted } from './champion-departed.ts';
import { companyChange } from './company-change.ts';
import { competitorOrPrice } from './competitor-or-price.ts';
import { followUpOverdue } from './follow-up-overdue.ts';
import { goneSilent } from './gone-silent.ts';
import { inquiryBurst } from './inquiry-burst.ts';
import { lowAdoption } from './low-adoption.ts';
import { lowNps } from './low-nps.ts';
import { onboardingStalled } from './onboarding-stalled.ts';
import { ordersStopped } from './orders-stopped.ts';
import { outsideAccess } from './outside-access.ts';
import { overContacted } from './over-contacted.ts';
import { ownerDeparted } from './owner-departed.ts';
import { renewalRisk } from './renewal-risk.ts';
import { serviceDissatisfaction } from './service-dissatisfaction.ts';
import { singleThreaded } from './single-threaded.ts';
import { stakeholderTurnover } from './stakeholder-turnover.ts';
import { ticketSurge } from './ticket-surge.ts';
import { trainingGap } from './training-gap.ts';
import { unresolvedTickets } from './unresolved-tickets.ts';

/** Every signal, in DESIGN §2 order. Adding a signal = one file + one line here + one table test. */
export const SIGNALS: readonly SignalDefinition[] = [
  championDeparted,
  stakeholderTurnover,
  singleThreaded,
  outsideAccess,
  ownerDeparted,
  lowNps,
  serviceDissatisfaction,
  goneSilent,
  inquiryBurst,
  overContacted,
  followUpOverdue,
  ticketSurge,
  unresolvedTickets,
  onboardingStalled,
  lowAdoption,
  trainingGap,
  budgetCut,
  renewalRisk,
  competitorOrPrice,
  ordersStopped,
  companyChange,
] as SignalDefinition[];
