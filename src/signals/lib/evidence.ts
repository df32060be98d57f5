import type { Evidence, FactValue } from '../../core/signal.ts';
import type { Account, Contact, Deal, Engagement, Owner, Survey, Task, Ticket } from '../../core/snapshot.ts';

/** Evidence builders: one label convention per record type, so summaries and cards read alike. */

type Facts = Record<string, FactValue>;

export function companyEvidence(account: Account, facts: Facts): Evidence {
  return { type: 'company', id: account.id, label: account.name ?? `Company ${account.id}`, facts };
}

export function contactLabel(contact: Pick<Contact, 'id' | 'name' | 'email'>): string {
  return contact.name ?? contact.email ?? `Contact ${contact.id}`;
}

export function contactEvidence(contact: Pick<Contact, 'id' | 'name' | 'email'>, facts: Facts): Evidence {
  return { type: 'contact', id: contact.id, label: contactLabel(contact), facts };
}

export function ownerEvidence(owner: Owner, facts: Facts): Evidence {
  return { type: 'owner', id: owner.id, label: owner.name ?? owner.email ?? `Owner ${owner.id}`, facts };
}

export function dealEvidence(deal: Deal, facts: Facts): Evidence {
  return { type: 'deal', id: deal.id, label: deal.name ?? `Deal ${deal.id}`, facts };
}

export function ticketEvidence(ticket: Ticket, facts: Facts): Evidence {
  return { type: 'ticket', id: ticket.id, label: ticket.subject ?? `Ticket ${ticket.id}`, facts };
}

export function engagementEvidence(engagement: Engagement, facts: Facts): Evidence {
  const label =
    engagement.subject ?? `${engagement.type[0]?.toUpperCase()}${engagement.type.slice(1)} ${engagement.id}`;
  return { type: engagement.type, id: engagement.id, label, facts };
}

export function taskEvidence(task: Task, facts: Facts): Evidence {
  return { type: 'task', id: task.id, label: task.subject ?? `Task ${task.id}`, facts };
}

export function surveyEvidence(survey: Survey, facts: Facts): Evidence {
  const label = `${survey.kind.toUpperCase()} ${survey.score}`;
  return { type: survey.recordType, id: survey.recordId, label, facts };
}
