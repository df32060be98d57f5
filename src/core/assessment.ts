import type { Evidence, SignalId } from './signal.ts';

export const LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export type Level = (typeof LEVELS)[number];
export type Trend = 'rising' | 'steady' | 'falling';
export type TaskPriority = 'HIGH' | 'MEDIUM' | 'LOW';

export interface Reason {
  id: SignalId;
  title: string;
  /** weight × strength, one decimal: the reason's share of the score. */
  points: number;
  strength: number;
  weight: number;
  headline: string;
  evidence: Evidence[];
  playbook: readonly string[];
}

export interface PlannedTask {
  signalId: SignalId;
  /** At most one open task per account and signal: the ledger and the CRM check use this key. */
  dedupeKey: string;
  subject: string;
  body: string;
  priority: TaskPriority;
  dueAt: string;
  assignee: { rule: 'owner' | 'cs_lead' | 'unassigned'; ownerId: string | null };
}

export interface Assessment {
  crm: 'hubspot' | 'salesforce';
  tenantId: string;
  accountId: string;
  accountName: string | null;
  score: number;
  level: Level;
  trend: Trend;
  /** The score `trend.lookbackDays` ago, when known. */
  previousScore: number | null;
  topReason: SignalId | null;
  reasons: Reason[];
  summary: string;
  tasks: PlannedTask[];
  assessedAt: string;
}
