import type { Assessment } from '../../../src/core/assessment.ts';
import type { NewInboxEvent, Store } from '../../../src/store/store.ts';

/** Opens a fresh, empty store that stamps its bookkeeping with `now()`. */
export type MakeStore = (options: { now: () => number }) => Promise<Store>;

export interface ContractContext {
  /** The store opened for the running test. */
  store: () => Store;
  /** Moves the store's bookkeeping clock. */
  setNow: (at: number) => void;
}

export const T0 = Date.parse('2026-11-15T12:00:00Z');
export const PORTAL = 62_515;
export const OTHER_PORTAL = 99_001;

/** A contact property change as HubSpot sends it; overrides change the deduplication key or the payload. */
export function event(overrides: Partial<NewInboxEvent> = {}): NewInboxEvent {
  const key = {
    portalId: PORTAL,
    subscriptionType: 'contact.propertyChange',
    objectId: 1001,
    propertyName: 'jobtitle',
    occurredAt: T0 - 60_000,
    ...overrides,
  };
  const payload = {
    eventId: 4_000_000,
    subscriptionId: 25,
    portalId: key.portalId,
    appId: 1_160_452,
    occurredAt: key.occurredAt,
    subscriptionType: key.subscriptionType,
    attemptNumber: 0,
    objectId: key.objectId,
    propertyName: key.propertyName,
    propertyValue: 'VP Finance',
    changeSource: 'CRM_UI',
  };
  return { payload, ...key };
}

export function assessment(score: number, companyId = '5001'): Assessment {
  return {
    crm: 'hubspot',
    tenantId: String(PORTAL),
    accountId: companyId,
    accountName: 'Acme GmbH',
    score,
    level: score >= 75 ? 'critical' : score >= 50 ? 'high' : score >= 25 ? 'medium' : 'low',
    trend: 'rising',
    previousScore: 10,
    topReason: 'gone_silent',
    reasons: [
      {
        id: 'gone_silent',
        title: 'Gone silent',
        points: score,
        strength: 1,
        weight: score,
        headline: 'No two-way touch for 61 days',
        evidence: [{ type: 'email', id: '77', label: 'Re: renewal', facts: { at: '2026-09-15' } }],
        playbook: ['Call the champion'],
      },
    ],
    summary: `Gone silent (${score} pts)`,
    tasks: [],
    assessedAt: new Date(T0).toISOString(),
  };
}
