import type { Account, Deal } from '../../core/snapshot.ts';
import { addressHistory } from './address-history.ts';
import type { HubSpotObject, HubSpotWebhookEvent } from './bundle.ts';
import { asString, propertyHistory } from './property-history.ts';
import { instant, num, str } from './property-values.ts';

const COMPANY_TYPE_ID = '0-2';

/** The company record → the snapshot's account. `deals` are the mapped deals (for the first closed-won date). */
export function mapAccount(
  company: HubSpotObject,
  deals: readonly Deal[],
  events: readonly HubSpotWebhookEvent[],
): Account {
  let firstWon: number | null = null;
  for (const deal of deals) {
    if (deal.status === 'won' && deal.closeDate !== null && (firstWon === null || deal.closeDate < firstWon)) {
      firstWon = deal.closeDate;
    }
  }
  const p = company.properties;
  const h = company.propertiesWithHistory;
  return {
    id: company.id,
    name: str(p.name),
    domain: normalizeDomain(str(p.domain)),
    createdAt: instant(p.createdate) ?? instant(company.createdAt),
    lifecycleStage: str(p.lifecyclestage),
    customerSince: firstWon ?? instant(p.hs_lifecyclestage_customer_date),
    ownerId: str(p.hubspot_owner_id, h?.hubspot_owner_id),
    ownerHistory: propertyHistory(h?.hubspot_owner_id, asString),
    parentAccountId: str(p.hs_parent_company_id, h?.hs_parent_company_id),
    parentHistory: propertyHistory(h?.hs_parent_company_id, asString),
    employees: num(str(p.numberofemployees, h?.numberofemployees)),
    employeesHistory: propertyHistory(h?.numberofemployees, num),
    addressHistory: h === undefined ? [] : addressHistory(company),
    annualRevenue: num(p.annualrevenue),
    lastContactedAt: instant(p.notes_last_contacted),
    merges: companyMerges(company.id, events),
  };
}

/** Lower case, no scheme, path or leading www.: `https://WWW.Acme.com/about` → `acme.com`. */
export function normalizeDomain(value: string | null): string | null {
  if (value === null) return null;
  let domain = value.trim().toLowerCase();
  const scheme = domain.indexOf('://');
  if (scheme !== -1) domain = domain.slice(scheme + 3);
  const slash = domain.indexOf('/');
  if (slash !== -1) domain = domain.slice(0, slash);
  if (domain.startsWith('www.')) domain = domain.slice(4);
  return domain === '' ? null : domain;
}

/** company.merge (or object.merge of a company) events that kept this company: the others merged into it. */
function companyMerges(companyId: string, events: readonly HubSpotWebhookEvent[]): Account['merges'] {
  const merges: Account['merges'] = [];
  for (const event of events) {
    const type = event.subscriptionType;
    const isCompanyMerge =
      type === 'company.merge' || (type === 'object.merge' && event.objectTypeId === COMPANY_TYPE_ID);
    if (!isCompanyMerge) continue;
    if (String(event.primaryObjectId) !== companyId && String(event.newObjectId) !== companyId) continue;
    const mergedIds: string[] = [];
    for (const id of event.mergedObjectIds ?? []) {
      const merged = String(id);
      if (merged !== companyId) mergedIds.push(merged);
    }
    merges.push({ at: event.occurredAt, mergedIds });
  }
  return merges.sort((a, b) => a.at - b.at);
}
