import { COMPANY_RISK_PATH } from './api-base-url.ts';
import { ChurnApiError } from './churn-api-error.ts';
import { asCompanyRisk, type CompanyRisk } from './company-risk.ts';
import { requestJson } from './request-json.ts';

/** The record the card is on, as the card routes read it (src/http/card-query.ts); HubSpot adds the portal. */
function recordQuery(companyId: string): string {
  return `?associatedObjectId=${encodeURIComponent(companyId)}&associatedObjectType=COMPANY`;
}

/** The company's last assessment, from the server's store (no CRM call). */
export async function fetchCompanyRisk(companyId: string): Promise<CompanyRisk> {
  const body = await requestJson(`${COMPANY_RISK_PATH}${recordQuery(companyId)}`, { method: 'GET' });
  try {
    return asCompanyRisk(body);
  } catch {
    throw new ChurnApiError(200, 'Churn Signals sent risk data this card cannot read: update the app, or try again.');
  }
}

/**
 * "Not a risk": snoozes the signal on this company for 30 days (kept as a false alarm) and re-scores it.
 * Resolves with the ISO instant the signal comes back.
 */
export async function snoozeSignal(companyId: string, signalId: string): Promise<string> {
  const body = (await requestJson(`${COMPANY_RISK_PATH}/snooze${recordQuery(companyId)}`, {
    method: 'POST',
    body: { signalId },
  })) as { snoozedUntil?: unknown };
  return typeof body.snoozedUntil === 'string' ? body.snoozedUntil : '';
}

/** Queues a re-score of the company from its current CRM data (the server answers 202 before it is done). */
export async function recalculateCompany(companyId: string): Promise<void> {
  await requestJson(`${COMPANY_RISK_PATH}/recalculate${recordQuery(companyId)}`, { method: 'POST' });
}
