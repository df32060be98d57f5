import type { PropertyMappings } from '../../core/mappings.ts';
import type { Custom, Owner, Snapshot, Task } from '../../core/snapshot.ts';
import type { HubSpotBundle, HubSpotObject, HubSpotOwner } from './bundle.ts';
import { departedContacts } from './departed-contacts.ts';
import { mapAccount } from './map-account.ts';
import { fullName, mapContact } from './map-contact.ts';
import { mapDeal } from './map-deal.ts';
import { mapEngagements } from './map-engagements.ts';
import { mapSurveys } from './map-surveys.ts';
import { mapTicket } from './map-ticket.ts';
import { propertyHistory } from './property-history.ts';
import { instant, num, prop, str } from './property-values.ts';

/**
 * A validated HubSpot account bundle (parseHubSpotBundle) → the CRM-neutral account snapshot. Pure and clock-free. It
 * runs for every account on every change, so: no validation here, linear passes, properties read by name, timestamps
 * parsed without Date.parse. BUNDLE.md has the table of which HubSpot property feeds which snapshot field.
 */
export function toSnapshot(bundle: HubSpotBundle, mappings: PropertyMappings): Snapshot {
  const { company } = bundle;
  const deals = bundle.deals.map(mapDeal);
  return {
    crm: 'hubspot',
    tenantId: String(bundle.portalId),
    account: mapAccount(company, deals, bundle.events),
    owners: bundle.owners.map(mapOwner),
    contacts: bundle.contacts.map(mapContact),
    departedContacts: departedContacts(company.id, bundle.contacts, bundle.events),
    deals,
    tickets: bundle.tickets.map(mapTicket),
    engagements: mapEngagements(bundle),
    tasks: bundle.tasks.map(mapTask),
    surveys: mapSurveys(bundle.feedbackSubmissions, bundle.contacts),
    custom: mapCustom(company, mappings),
    scoreHistory: propertyHistory(company.propertiesWithHistory?.churn_risk_score, num),
  };
}

function mapOwner(owner: HubSpotOwner): Owner {
  return {
    id: owner.id,
    name: fullName(owner.firstName, owner.lastName),
    email: owner.email || null,
    active: !owner.archived,
  };
}

function mapTask(task: HubSpotObject): Task {
  const p = task.properties;
  return {
    id: task.id,
    subject: str(p.hs_task_subject),
    status: p.hs_task_status === 'COMPLETED' ? 'completed' : 'open',
    dueAt: instant(p.hs_timestamp),
    completedAt: instant(p.hs_task_completion_date),
    ownerId: str(p.hubspot_owner_id),
  };
}

/** The admin-mapped company properties (core/mappings.ts). */
function mapCustom(company: HubSpotObject, mappings: PropertyMappings): Custom {
  return {
    renewalDate: instant(prop(company, mappings.renewalDate)),
    seatsPurchased: num(prop(company, mappings.seatsPurchased)),
    seatsActive: num(prop(company, mappings.seatsActive)),
    seatsActiveHistory: propertyHistory(company.propertiesWithHistory?.[mappings.seatsActive], num),
    usage: num(prop(company, mappings.usageMetric)),
    usageHistory: propertyHistory(company.propertiesWithHistory?.[mappings.usageMetric], num),
    onboardingCompletedAt: instant(prop(company, mappings.onboardingCompletedAt)),
    lastTrainingAt: instant(prop(company, mappings.lastTrainingAt)),
  };
}
