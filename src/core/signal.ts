import type { z } from 'zod';
import type { RecordType, Snapshot } from './snapshot.ts';
import type { Instant } from './time.ts';

/** The 21 ids of DESIGN §2: option values of `churn_risk_reasons`, so they never change. */
export const SIGNAL_IDS = [
  'champion_departed',
  'stakeholder_turnover',
  'single_threaded',
  'outside_access',
  'owner_departed',
  'low_nps',
  'service_dissatisfaction',
  'gone_silent',
  'inquiry_burst',
  'over_contacted',
  'follow_up_overdue',
  'ticket_surge',
  'unresolved_tickets',
  'onboarding_stalled',
  'low_adoption',
  'training_gap',
  'budget_cut',
  'renewal_risk',
  'competitor_or_price',
  'orders_stopped',
  'company_change',
] as const;
export type SignalId = (typeof SIGNAL_IDS)[number];

export type FactValue = string | number | boolean | null;

/** One CRM record that made a signal fire, with the facts that matter (dates as ISO strings, before/after values). */
export interface Evidence {
  type: RecordType;
  id: string;
  label: string;
  facts: Record<string, FactValue>;
}

export interface Finding {
  /** 0–1: how strongly the signal fires; points = weight × strength. */
  strength: number;
  /** One line a person can read without the card, e.g. "Jane Roe (champion) left on 2026-10-02". */
  headline: string;
  evidence: Evidence[];
}

/** Tenant-wide settings a signal may read besides its own thresholds. */
export interface TenantSettings {
  competitors: readonly string[];
}

export interface SignalConfig<T> {
  thresholds: T;
  tenant: TenantSettings;
}

export interface SignalSource {
  /** Seed document and passage, e.g. "000 #2", "003 2a". */
  refs: readonly string[];
  /** The passage in the seed's own words, short. */
  quote: string;
}

export interface SignalDefinition<S extends z.ZodObject = z.ZodObject> {
  id: SignalId;
  title: string;
  description: string;
  source: SignalSource;
  /** Points at full strength (0–100). */
  defaultWeight: number;
  /** Every field has a default; a tenant's config overrides any of them. */
  thresholds: S;
  /** Silence and ordering signals stay quiet in the tenant's declared off-season (seed 003 2c). */
  quietInOffSeason: boolean;
  /** Next steps for the task body, adapted from the seeds' playbooks. */
  playbook: readonly string[];
  /** Pure: no I/O, no clock. Returns null when the signal does not fire or its data is missing; never throws. */
  evaluate(snapshot: Snapshot, config: SignalConfig<z.output<S>>, now: Instant): Finding | null;
}

/** Identity function that keeps each signal file's thresholds type checked against its evaluate(). */
export function defineSignal<S extends z.ZodObject>(signal: SignalDefinition<S>): SignalDefinition<S> {
  return signal;
}
