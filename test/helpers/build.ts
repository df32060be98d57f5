import type {
  Account,
  Contact,
  Custom,
  Deal,
  DepartedContact,
  Engagement,
  Owner,
  Snapshot,
  Survey,
  Task,
  Ticket,
} from '../../src/core/snapshot.ts';
import { DAY } from '../../src/core/time.ts';

/** Builders for table tests: every field the CRM did not give is null or empty, as the adapters produce it. */

export const NOW = Date.parse('2026-11-15T12:00:00Z');

export function daysAgo(days: number, now = NOW): number {
  return now - days * DAY;
}

export function daysAhead(days: number, now = NOW): number {
  return now + days * DAY;
}

type SnapshotOverrides = Partial<Omit<Snapshot, 'account' | 'custom'>> & {
  account?: Partial<Account>;
  custom?: Partial<Custom>;
};

export function snapshot(over: SnapshotOverrides = {}): Snapshot {
  const { account, custom, ...rest } = over;
  return {
    crm: 'hubspot',
    tenantId: '123',
    owners: [],
    contacts: [],
    departedContacts: [],
    deals: [],
    tickets: [],
    engagements: [],
    tasks: [],
    surveys: [],
    scoreHistory: [],
    ...rest,
    account: {
      id: 'c1',
      name: 'Acme',
      domain: 'acme.com',
      createdAt: null,
      lifecycleStage: null,
      customerSince: null,
      ownerId: null,
      ownerHistory: [],
      parentAccountId: null,
      parentHistory: [],
      employees: null,
      employeesHistory: [],
      addressHistory: [],
      annualRevenue: null,
      lastContactedAt: null,
      merges: [],
      ...account,
    },
    custom: {
      renewalDate: null,
      seatsPurchased: null,
      seatsActive: null,
      seatsActiveHistory: [],
      usage: null,
      usageHistory: [],
      onboardingCompletedAt: null,
      lastTrainingAt: null,
      ...custom,
    },
  };
}

export function owner(over: Partial<Owner> & { id: string }): Owner {
  return { name: `Owner ${over.id}`, email: `owner${over.id}@vendor.example`, active: true, ...over };
}

export function contact(over: Partial<Contact> & { id: string }): Contact {
  return {
    name: `Contact ${over.id}`,
    email: null,
    emailDomain: null,
    title: null,
    titleHistory: [],
    roles: [],
    createdAt: null,
    lastEngagedAt: null,
    hardBouncedAt: null,
    optedOutAt: null,
    lastOpenAt: null,
    lastClickAt: null,
    lastSendAt: null,
    primaryAccountHistory: [],
    ...over,
  };
}

export function departed(over: Partial<DepartedContact> & { id: string; at: number }): DepartedContact {
  return { reason: 'association_removed', name: null, title: null, roles: null, ...over };
}

export function deal(over: Partial<Deal> & { id: string }): Deal {
  return {
    name: `Deal ${over.id}`,
    amount: null,
    amountHistory: [],
    stage: null,
    status: 'open',
    isRenewal: false,
    closeDate: null,
    createdAt: null,
    lostReason: null,
    stageChangedAt: null,
    ...over,
  };
}

export function ticket(over: Partial<Ticket> & { id: string }): Ticket {
  return {
    subject: `Ticket ${over.id}`,
    content: null,
    priority: null,
    category: null,
    open: true,
    createdAt: null,
    closedAt: null,
    reopenedAt: null,
    ...over,
  };
}

export function engagement(over: Partial<Engagement> & { id: string; at: number }): Engagement {
  return { type: 'email', direction: null, twoWay: false, subject: null, text: null, ...over };
}

export function task(over: Partial<Task> & { id: string }): Task {
  return { subject: `Task ${over.id}`, status: 'open', dueAt: null, completedAt: null, ownerId: null, ...over };
}

export function survey(over: Partial<Survey> & { id: string; score: number; at: number }): Survey {
  return {
    kind: 'nps',
    contactId: null,
    comment: null,
    recordType: 'feedback_submission',
    recordId: over.id,
    ...over,
  };
}
