import type { BuyingRole, Contact } from '../../core/snapshot.ts';
import type { HubSpotObject } from './bundle.ts';
import { asString, heldSince, propertyHistory } from './property-history.ts';
import { instant, str } from './property-values.ts';

const isSet = (value: string | null): boolean => value !== null;
const isTrue = (value: string | null): boolean => value === 'true';

/** A HubSpot contact → the snapshot's contact. */
export function mapContact(contact: HubSpotObject): Contact {
  const p = contact.properties;
  const h = contact.propertiesWithHistory;
  const email = str(p.email)?.trim() || null;
  const replied = instant(p.hs_sales_email_last_replied);
  const replyDate = instant(p.hs_email_last_reply_date);
  let hardBouncedAt: number | null = null;
  let optedOutAt: number | null = null;
  if (h !== undefined) {
    const bounced = heldSince(propertyHistory(h.hs_email_hard_bounce_reason_enum, asString), isSet);
    const badAddress = heldSince(propertyHistory(h.hs_email_bad_address, asString), isTrue);
    hardBouncedAt = bounced === null ? badAddress : badAddress === null ? bounced : Math.min(bounced, badAddress);
    optedOutAt = heldSince(propertyHistory(h.hs_email_optout, asString), isTrue);
  }
  return {
    id: contact.id,
    name: fullName(p.firstname, p.lastname),
    email,
    emailDomain: emailDomain(email) ?? str(p.hs_email_domain)?.toLowerCase() ?? null,
    title: str(p.jobtitle, h?.jobtitle),
    titleHistory: propertyHistory(h?.jobtitle, asString),
    roles: buyingRoles(str(p.hs_buying_role)),
    createdAt: instant(p.createdate) ?? instant(contact.createdAt),
    lastEngagedAt: replied === null ? replyDate : replyDate === null ? replied : Math.max(replied, replyDate),
    hardBouncedAt,
    optedOutAt,
    lastOpenAt: instant(p.hs_email_last_open_date),
    lastClickAt: instant(p.hs_email_last_click_date),
    lastSendAt: instant(p.hs_email_last_send_date),
    primaryAccountHistory: propertyHistory(h?.associatedcompanyid, asString),
  };
}

/** "first last", each part trimmed; null when both are empty. */
export function fullName(first: string | null | undefined, last: string | null | undefined): string | null {
  const a = first ? first.trim() : '';
  const b = last ? last.trim() : '';
  if (a === '') return b === '' ? null : b;
  return b === '' ? a : `${a} ${b}`;
}

function emailDomain(email: string | null): string | null {
  if (email === null) return null;
  const at = email.lastIndexOf('@');
  if (at === -1 || at === email.length - 1) return null;
  return email.slice(at + 1).toLowerCase();
}

/** hs_buying_role: semicolon-separated HubSpot option values → buying roles (case-insensitive; unknown → other). */
export function buyingRoles(value: string | null): BuyingRole[] {
  if (value === null) return [];
  if (value.indexOf(';') === -1) {
    const role = buyingRole(value);
    return role !== null ? [role] : value.trim() === '' ? [] : ['other'];
  }
  const roles: BuyingRole[] = [];
  for (const option of value.split(';')) {
    const role = buyingRole(option) ?? (option.trim() === '' ? null : 'other');
    if (role !== null && !roles.includes(role)) roles.push(role);
  }
  return roles;
}

/** One option value (HubSpot's upper case first, then any case and spacing) → its role; null for anything else. */
function buyingRole(option: string): BuyingRole | null {
  switch (option) {
    case 'CHAMPION':
      return 'champion';
    case 'DECISION_MAKER':
      return 'decision_maker';
    case 'EXECUTIVE_SPONSOR':
      return 'executive_sponsor';
    case 'BUDGET_HOLDER':
      return 'budget_holder';
    case 'INFLUENCER':
      return 'influencer';
    case 'END_USER':
      return 'end_user';
    case 'BLOCKER':
      return 'blocker';
    case 'LEGAL_AND_COMPLIANCE':
      return 'legal_and_compliance';
    default: {
      const normal = option.trim().toUpperCase();
      return normal === option ? null : buyingRole(normal);
    }
  }
}
