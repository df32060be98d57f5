import { describe, expect, it } from 'vitest';
import { appSubscriptions } from '../../../../src/adapters/hubspot/journal/app-subscriptions.ts';
import { JournalEvent } from '../../../../src/adapters/hubspot/journal/journal-file.ts';
import { journalToWebhookEvents } from '../../../../src/adapters/hubspot/journal/journal-to-webhook-events.ts';
import { ValidationError } from '../../../../src/core/validation-error.ts';
import { toInboxEvent } from '../../../../src/http/to-inbox-event.ts';
import { changeJournalEvent } from '../../../../src/sandbox/platform/journal/journal-events.ts';
import type { SandboxChange } from '../../../../src/sandbox/platform/sandbox-change.ts';
import { toWebhookEvents } from '../../../../src/sandbox/platform/webhooks/to-webhook-events.ts';
import { subscriptionsFromHsmeta as hubspotSideSubscriptions } from '../../../../src/sandbox/platform/webhooks/webhook-subscriptions.ts';
import { caught } from '../../../helpers/caught.ts';

const PORTAL = 24051987;
const APP_ID = 5123456;
const AT = Date.parse('2026-11-20T10:00:00.000Z');
const OFFSET = '3c90c3cc-0d44-4b50-8888-8dd25736052a';

const change = (over: Partial<SandboxChange> & Pick<SandboxChange, 'objectType' | 'kind'>): SandboxChange => ({
  objectId: '9120000001',
  changeSource: 'CRM_UI',
  occurredAt: AT,
  ...over,
});

/** The changes the app cares about, one of each shape, and some it does not subscribe to. */
const CHANGES: Record<string, SandboxChange> = {
  'subscribed company property': change({
    objectType: 'companies',
    kind: 'propertyChange',
    propertyName: 'numberofemployees',
    propertyValue: '40',
  }),
  'unsubscribed company property': change({
    objectType: 'companies',
    kind: 'propertyChange',
    propertyName: 'name',
    propertyValue: 'Acme',
  }),
  'contact created': change({ objectType: 'contacts', objectId: '51001', kind: 'creation' }),
  'deal deleted': change({ objectType: 'deals', objectId: '71001', kind: 'deletion' }),
  'companies merged': change({
    objectType: 'companies',
    kind: 'merge',
    fromObjectId: '9120000002',
    mergedObjectIds: ['9120000002'],
  }),
  'contact left a company': change({
    objectType: 'contacts',
    objectId: '51001',
    kind: 'associationChange',
    fromObjectId: '51001',
    toObjectId: '9120000001',
    toObjectType: 'companies',
    associationTypeId: 279,
    associationRemoved: true,
  }),
  'company got a contact': change({
    objectType: 'companies',
    kind: 'associationChange',
    fromObjectId: '9120000001',
    toObjectId: '51001',
    toObjectType: 'contacts',
    associationTypeId: 280,
    isPrimaryAssociation: false,
  }),
  'email logged (generic type)': change({ objectType: 'emails', objectId: '81001', kind: 'creation' }),
  'task status (generic property)': change({
    objectType: 'tasks',
    objectId: '82001',
    kind: 'propertyChange',
    propertyName: 'hs_task_status',
    propertyValue: 'COMPLETED',
  }),
  'note edited (unsubscribed)': change({
    objectType: 'notes',
    objectId: '83001',
    kind: 'propertyChange',
    propertyName: 'hs_note_body',
    propertyValue: 'x',
  }),
  "the app's own write": change({
    objectType: 'companies',
    kind: 'propertyChange',
    propertyName: 'churn_renewal_date',
    propertyValue: '2027-01-01',
    changeSource: 'INTEGRATION',
    sourceId: String(APP_ID),
  }),
};

/** What HubSpot sends for the change (the sandbox's sender), with the ids the journal cannot know left out. */
function delivered(c: SandboxChange) {
  let id = 1000;
  const events = toWebhookEvents(c, {
    portalId: PORTAL,
    appId: APP_ID,
    subscriptions: hubspotSideSubscriptions(),
    nextEventId: () => id++,
  });
  return events.map(({ eventId: _, subscriptionId: __, numberOfPropertiesMoved: ___, ...rest }) => rest);
}

/** The same change read back from a journal file (as JSON, as downloaded) and mapped by the app. */
function replayed(c: SandboxChange) {
  const file = JSON.parse(JSON.stringify(changeJournalEvent(PORTAL, c)));
  const events = journalToWebhookEvents(JournalEvent.parse(file), {
    appId: APP_ID,
    subscriptions: appSubscriptions(),
    offset: OFFSET,
  });
  return events.map(({ eventId: _, subscriptionId: __, journalOffset: ___, ...rest }) => rest);
}

describe('journalToWebhookEvents', () => {
  it.each(Object.entries(CHANGES))('%s: the events HubSpot delivers for it, field for field', (_, c) => {
    expect(replayed(c)).toEqual(delivered(c));
  });

  it('gives each change the inbox key of its delivered webhook, so a change that came both ways is stored once', () => {
    for (const c of Object.values(CHANGES)) {
      const keys = (events: object[]) =>
        events.map((e) => {
          const { payload: _, ...key } = toInboxEvent(e as Parameters<typeof toInboxEvent>[0]);
          return key;
        });
      expect(keys(replayed(c).map((e) => ({ ...e, eventId: 0, subscriptionId: 0 })))).toEqual(
        keys(delivered(c).map((e) => ({ ...e, eventId: 1, subscriptionId: 1 }))),
      );
    }
    expect(replayed(CHANGES['subscribed company property'] as SandboxChange)).toHaveLength(1);
    expect(replayed(CHANGES['unsubscribed company property'] as SandboxChange)).toEqual([]);
  });

  it('marks each event with the entry it came from, and makes one event per subscribed property of an update', () => {
    const update = JournalEvent.parse({
      type: 'OBJECT',
      action: 'UPDATE',
      portalId: PORTAL,
      occurredAt: '2026-11-20T10:00:00.000Z',
      objectTypeId: '0-3',
      objectId: 71001,
      propertyChanges: [
        { propertyName: 'amount', newValue: '900' },
        { propertyName: 'description', newValue: 'not subscribed' },
        { propertyName: 'dealstage', newValue: null },
      ],
    });
    const events = journalToWebhookEvents(update, { appId: APP_ID, subscriptions: appSubscriptions(), offset: OFFSET });
    expect(events).toEqual([
      expect.objectContaining({ subscriptionType: 'deal.propertyChange', propertyName: 'amount', occurredAt: AT }),
      expect.objectContaining({ propertyName: 'dealstage', propertyValue: '', journalOffset: OFFSET, appId: APP_ID }),
    ]);
  });

  it('gives none for lifecycle events, unknown actions and object types', () => {
    const context = { appId: APP_ID, subscriptions: appSubscriptions(), offset: OFFSET };
    const base = { portalId: PORTAL, occurredAt: AT };
    for (const event of [
      { ...base, type: 'APP_LIFECYCLE_EVENT', action: 'APP_UNINSTALL', appId: APP_ID },
      { ...base, type: 'OBJECT', action: 'ARCHIVE', objectTypeId: '0-2', objectId: 1 },
      { ...base, type: 'OBJECT', action: 'CREATE', objectTypeId: '0-7', objectId: 1 },
    ]) {
      expect(journalToWebhookEvents(JournalEvent.parse(event), context)).toEqual([]);
    }
  });

  it('refuses a subscriptions file that is not a webhooks component, naming the field', () => {
    const error = caught(() => appSubscriptions({ config: {} }), ValidationError);
    expect(error.message).toContain('webhooks/webhooks-hsmeta.json');
    expect(error.issues.map((i) => i.path)).toEqual(['config.subscriptions']);
  });
});
