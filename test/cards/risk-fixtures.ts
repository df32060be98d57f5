import type { Assessment, Reason } from '../../src/core/assessment.ts';
import { DAY } from '../../src/core/time.ts';
import { type CompanyRiskBody, companyRiskBody } from '../../src/http/company-risk-body.ts';
import type { AccountState } from '../../src/store/store.ts';

export const PORTAL = 101;
export const COMPANY = '7001';
export const T0 = Date.parse('2026-11-20T10:00:00.000Z');

export const CHAMPION: Reason = {
  id: 'champion_departed',
  title: 'Champion departed',
  points: 30,
  strength: 1,
  weight: 30,
  headline: 'Jane Roe (champion) left on 2026-11-02',
  evidence: [
    { type: 'contact', id: '51001', label: 'Jane Roe', facts: { leftAt: '2026-11-02' } },
    { type: 'owner', id: '88', label: 'Owner: Sam Poe', facts: {} },
  ],
  playbook: ['Find the new decision maker', 'Book an executive sponsor call'],
};

export const TICKETS: Reason = {
  id: 'ticket_surge',
  title: 'Support ticket surge',
  points: 12.5,
  strength: 0.5,
  weight: 25,
  headline: '6 tickets in 30 days, 3× the usual rate',
  evidence: [
    { type: 'ticket', id: '9101', label: 'Login fails on SSO', facts: {} },
    { type: 'email', id: '4401', label: 'Re: outage again', facts: {} },
  ],
  playbook: ['Call the customer about the open tickets', 'Review the root causes with support'],
};

export function assessment(over: Partial<Assessment> = {}): Assessment {
  return {
    crm: 'hubspot',
    tenantId: String(PORTAL),
    accountId: COMPANY,
    accountName: 'Acme',
    score: 42,
    level: 'high',
    trend: 'rising',
    previousScore: 31,
    topReason: 'champion_departed',
    // Stored least points first: the card sorts them.
    reasons: [TICKETS, CHAMPION],
    summary: 'Champion departed (30 points), support ticket surge (12.5 points)',
    tasks: [],
    assessedAt: new Date(T0).toISOString(),
    ...over,
  };
}

/** The card endpoint's answer, built by the server's own code (src/http/company-risk-body.ts). */
export function scoredBody(
  over: Partial<Assessment> = {},
  snoozes: { signalId: string; until: number }[] = [],
): CompanyRiskBody {
  const state: AccountState = {
    portalId: PORTAL,
    companyId: COMPANY,
    assessment: assessment(over),
    writtenProperties: null,
    memory: null,
    scoreHistory: [
      { value: 31, at: T0 - 30 * DAY },
      { value: 42, at: T0 },
    ],
    updatedAt: T0,
  };
  return companyRiskBody(PORTAL, COMPANY, state, snoozes);
}

export function notScoredBody(): CompanyRiskBody {
  return companyRiskBody(PORTAL, COMPANY, null, []);
}

export function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** The error body of src/http/error-handler.ts. */
export function errorResponse(status: number, error: string, message: string, issues?: unknown[]): Response {
  return jsonResponse(status, { error, message, ...(issues ? { issues } : {}), requestId: 'req-42' });
}
