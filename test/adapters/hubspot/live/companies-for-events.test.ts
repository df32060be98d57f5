import nock from 'nock';
import { describe, expect, it } from 'vitest';
import type { HubSpotWebhookEvent } from '../../../../src/adapters/hubspot/bundle.ts';
import { createHubSpotApi, type HubSpotApi } from '../../../../src/adapters/hubspot/client/hubspot-api.ts';
import { createRateLimiter } from '../../../../src/adapters/hubspot/client/rate-limiter.ts';
import { companiesForEvents } from '../../../../src/adapters/hubspot/live/companies-for-events.ts';
import { createLogger } from '../../../../src/log/create-logger.ts';
import { contractReply } from '../../../helpers/hubspot-contract.ts';
import { useStrictNock } from '../../../helpers/strict-nock.ts';
import { hsEvent, PORTAL } from '../build.ts';

const BASE = 'https://api.hubspot.test';
const AT = '2026-11-15T12:00:00.000Z';
const C1 = '9120000001';
const C2 = '9120000002';
const C3 = '9120000003';

function testApi(): HubSpotApi {
  let clock = Date.parse(AT);
  const now = () => clock;
  const sleep = async (ms: number) => {
    await new Promise((resolve) => setImmediate(resolve));
    clock += ms;
  };
  return createHubSpotApi({
    baseUrl: BASE,
    accessToken: async () => 'test-token',
    limiter: createRateLimiter({ now, sleep }),
    logger: createLogger({ level: 'silent' }),
    sleep,
    now,
  });
}

interface AssociationCall {
  fromType: string;
  inputs: { id: string; after?: string }[];
}

/**
 * HubSpot's association batch read {fromType} → companies over nock (contract-checked), from `companiesOf`:
 * fromType → object id → its company ids, answered `pageSize` per page.
 */
function serveAssociations(companiesOf: Record<string, Record<string, string[]>>, pageSize = 500): AssociationCall[] {
  const calls: AssociationCall[] = [];
  nock(BASE)
    .persist()
    .post(/^\/crm\/associations\/2026-09\/[a-z_]+\/companies\/batch\/read$/)
    .reply(
      contractReply(200, (req) => {
        const fromType = new URL(req.url).pathname.split('/')[4] as string;
        const { inputs } = req.body as AssociationCall;
        calls.push({ fromType, inputs });
        const results = inputs.map(({ id, after }) => {
          const all = companiesOf[fromType]?.[id] ?? [];
          const start = Number(after ?? '0');
          const end = start + pageSize;
          const to = all.slice(start, end).map((toObjectId) => ({
            toObjectId,
            associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 279 }],
          }));
          return { from: { id }, to, ...(end < all.length ? { paging: { next: { after: String(end) } } } : {}) };
        });
        return { status: 'COMPLETE', results, startedAt: AT, completedAt: AT };
      }),
    );
  return calls;
}

/** The result as [companyId, eventIds], sorted by company. */
function summary(map: Map<string, HubSpotWebhookEvent[]>): [string, number[]][] {
  return [...map]
    .map(([companyId, events]): [string, number[]] => [companyId, events.map((e) => e.eventId)])
    .sort(([a], [b]) => (a < b ? -1 : 1));
}

const WHEN = '2026-11-10T09:00:00.000Z';

useStrictNock();

describe('companiesForEvents: events that name their company (no call)', () => {
  it('maps company events to the company, legacy and generic alike', async () => {
    const legacy = hsEvent('company.propertyChange', WHEN, { objectId: Number(C1), propertyName: 'domain' });
    const generic = hsEvent('object.propertyChange', WHEN, { objectTypeId: '0-2', objectId: C2 });
    const created = hsEvent('company.creation', WHEN, { objectId: Number(C3) });
    const restored = hsEvent('object.restore', WHEN, { objectTypeId: '0-2', objectId: Number(C3) });

    const map = await companiesForEvents(testApi(), PORTAL, [legacy, generic, created, restored]);
    expect(summary(map)).toEqual([
      [C1, [legacy.eventId]],
      [C2, [generic.eventId]],
      [C3, [created.eventId, restored.eventId]],
    ]);
  });

  it('maps a company merge to the surviving company, and drops company deletions', async () => {
    const merge = hsEvent('company.merge', WHEN, {
      objectId: Number(C1),
      primaryObjectId: Number(C1),
      mergedObjectIds: [9120000077],
      newObjectId: Number(C1),
    });
    const genericMerge = hsEvent('object.merge', WHEN, {
      objectTypeId: '0-2',
      primaryObjectId: C2,
      mergedObjectIds: [5],
    });
    const deleted = hsEvent('company.deletion', WHEN, { objectId: Number(C3) });
    const erased = hsEvent('object.deletion', WHEN, { objectTypeId: '0-2', objectId: Number(C3) });

    const map = await companiesForEvents(testApi(), PORTAL, [merge, genericMerge, deleted, erased]);
    expect(summary(map)).toEqual([
      [C1, [merge.eventId]],
      [C2, [genericMerge.eventId]],
    ]);
  });

  it('maps association changes to their company end, so a removed contact reaches its former company', async () => {
    const removed = hsEvent('contact.associationChange', WHEN, {
      associationType: 'CONTACT_TO_COMPANY',
      associationCategory: 'HUBSPOT_DEFINED',
      associationTypeId: 279,
      fromObjectId: 51001,
      toObjectId: Number(C1),
      associationRemoved: true,
    });
    const fromCompany = hsEvent('company.associationChange', WHEN, {
      associationType: 'COMPANY_TO_DEAL',
      fromObjectId: Number(C2),
      toObjectId: 91001,
      associationRemoved: false,
    });
    const generic = {
      ...hsEvent('object.associationChange', WHEN, {
        associationTypeId: 339,
        associationCategory: 'HUBSPOT_DEFINED',
        fromObjectId: 71001,
        toObjectId: Number(C3),
        associationRemoved: true,
      }),
      fromObjectTypeId: '0-5',
      toObjectTypeId: '0-2',
    };
    const byTypeIdOnly = hsEvent('object.associationChange', WHEN, {
      associationTypeId: 280,
      associationCategory: 'HUBSPOT_DEFINED',
      fromObjectId: Number(C1),
      toObjectId: 51002,
      associationRemoved: true,
    });

    const map = await companiesForEvents(testApi(), PORTAL, [removed, fromCompany, generic, byTypeIdOnly]);
    expect(summary(map)).toEqual([
      [C1, [removed.eventId, byTypeIdOnly.eventId]],
      [C2, [fromCompany.eventId]],
      [C3, [generic.eventId]],
    ]);
  });

  it('maps a parent/child company association to both companies, and drops associations with no company end', async () => {
    const parent = hsEvent('company.associationChange', WHEN, {
      associationType: 'PARENT_TO_CHILD_COMPANY',
      fromObjectId: Number(C1),
      toObjectId: Number(C2),
    });
    const contactToDeal = hsEvent('contact.associationChange', WHEN, {
      associationType: 'CONTACT_TO_DEAL',
      fromObjectId: 51001,
      toObjectId: 91001,
    });
    const map = await companiesForEvents(testApi(), PORTAL, [parent, contactToDeal]);
    expect(summary(map)).toEqual([
      [C1, [parent.eventId]],
      [C2, [parent.eventId]],
    ]);
  });

  it('drops deletions of contacts, deals and engagements: the company hears of them through association events', async () => {
    const events = [
      hsEvent('contact.deletion', WHEN, { objectId: 51001 }),
      hsEvent('contact.privacyDeletion', WHEN, { objectId: 51002 }),
      hsEvent('deal.deletion', WHEN, { objectId: 91001 }),
      hsEvent('object.deletion', WHEN, { objectTypeId: '0-49', objectId: 3001 }),
      hsEvent('object.privacyDeletion', WHEN, { objectTypeId: '0-1', objectId: 51003 }),
    ];
    await expect(companiesForEvents(testApi(), PORTAL, events)).resolves.toEqual(new Map());
  });

  it('drops events about objects no bundle holds', async () => {
    const events = [
      hsEvent('product.creation', WHEN, { objectId: 1 }),
      hsEvent('line_item.propertyChange', WHEN, { objectId: 2 }),
      hsEvent('conversation.newMessage', WHEN, { objectId: 3 }),
      hsEvent('object.creation', WHEN, { objectTypeId: '0-7', objectId: 4 }),
    ];
    await expect(companiesForEvents(testApi(), PORTAL, events)).resolves.toEqual(new Map());
  });

  it('refuses events of another portal', async () => {
    const stray = { ...hsEvent('company.creation', WHEN, { objectId: 1 }), portalId: PORTAL + 1 };
    await expect(companiesForEvents(testApi(), PORTAL, [stray])).rejects.toThrow(`is of portal ${PORTAL + 1}`);
  });
});

describe('companiesForEvents: events looked up through associations', () => {
  it('maps each type of record to its companies with one association read per type', async () => {
    const calls = serveAssociations({
      contacts: { '51001': [C1, C2], '51002': [C1] },
      deals: { '91001': [C2] },
      tickets: { '71001': [C3] },
      notes: { '6001': [C1] },
      meetings: { '5001': [C2] },
      calls: { '4001': [C3] },
      emails: { '3001': [C1] },
      tasks: { '7001': [C2] },
      feedback_submissions: { '8001': [C3] },
    });
    const contact = hsEvent('contact.propertyChange', WHEN, { objectId: 51001, propertyName: 'jobtitle' });
    const contactAgain = hsEvent('object.propertyChange', WHEN, { objectTypeId: '0-1', objectId: '51001' });
    const other = hsEvent('contact.creation', WHEN, { objectId: 51002 });
    const deal = hsEvent('deal.propertyChange', WHEN, { objectId: 91001, propertyName: 'amount' });
    const ticket = hsEvent('ticket.creation', WHEN, { objectId: 71001 });
    const engagement = (typeId: string, id: number) =>
      hsEvent('object.creation', WHEN, { objectTypeId: typeId, objectId: id });
    const note = engagement('0-46', 6001);
    const meeting = engagement('0-47', 5001);
    const call = engagement('0-48', 4001);
    const email = engagement('0-49', 3001);
    const task = engagement('0-27', 7001);
    const feedback = engagement('0-19', 8001);
    const unassociated = engagement('0-49', 3999);

    const events = [
      contact,
      contactAgain,
      other,
      deal,
      ticket,
      note,
      meeting,
      call,
      email,
      task,
      feedback,
      unassociated,
    ];
    const map = await companiesForEvents(testApi(), PORTAL, events);

    expect(summary(map)).toEqual([
      [C1, [contact, contactAgain, other, note, email].map((e) => e.eventId)],
      [C2, [contact, contactAgain, deal, meeting, task].map((e) => e.eventId)],
      [C3, [ticket, call, feedback].map((e) => e.eventId)],
    ]);
    expect(calls.map((c) => [c.fromType, c.inputs.map((i) => i.id)]).sort()).toEqual(
      [
        ['contacts', ['51001', '51002']],
        ['deals', ['91001']],
        ['tickets', ['71001']],
        ['notes', ['6001']],
        ['meetings', ['5001']],
        ['calls', ['4001']],
        ['emails', ['3001', '3999']],
        ['tasks', ['7001']],
        ['feedback_submissions', ['8001']],
      ].sort(),
    );
  });

  it('looks up the surviving record of a contact merge', async () => {
    const calls = serveAssociations({ contacts: { '51010': [C1] } });
    const merge = hsEvent('contact.merge', WHEN, {
      objectId: 51001,
      primaryObjectId: 51001,
      mergedObjectIds: [51002],
      newObjectId: 51010,
    });
    const map = await companiesForEvents(testApi(), PORTAL, [merge]);
    expect(summary(map)).toEqual([[C1, [merge.eventId]]]);
    expect(calls.map((c) => c.inputs)).toEqual([[{ id: '51010' }]]);
  });

  it('looks up the subscribed object when an association event does not say which end is the company', async () => {
    const calls = serveAssociations({ contacts: { '51001': [C2] } });
    const unlabeled = hsEvent('contact.associationChange', WHEN, {
      associationCategory: 'USER_DEFINED',
      associationTypeId: 7,
      fromObjectId: 51001,
      toObjectId: 424242,
    });
    const map = await companiesForEvents(testApi(), PORTAL, [unlabeled]);
    expect(summary(map)).toEqual([[C2, [unlabeled.eventId]]]);
    expect(calls).toHaveLength(1);
  });

  it('sends at most 1,000 ids per association read and follows the pages of a record with many companies', async () => {
    const companiesOf: Record<string, string[]> = { '100000': [C1, C2, C3] };
    const events = Array.from({ length: 1001 }, (_, i) =>
      hsEvent('contact.propertyChange', WHEN, { objectId: 100_000 + i, propertyName: 'email' }),
    );
    const calls = serveAssociations({ contacts: companiesOf }, 2);

    const map = await companiesForEvents(testApi(), PORTAL, events);

    expect(summary(map)).toEqual([
      [C1, [events[0]?.eventId as number]],
      [C2, [events[0]?.eventId as number]],
      [C3, [events[0]?.eventId as number]],
    ]);
    expect(calls.map((c) => c.inputs.length).sort((a, b) => a - b)).toEqual([1, 1, 1000]);
    expect(calls.find((c) => c.inputs.length === 1 && c.inputs[0]?.after)?.inputs).toEqual([
      { id: '100000', after: '2' },
    ]);
  });
});
