import type { HubSpotObject, HubSpotOwner } from '../../../src/adapters/hubspot/bundle.ts';
import type { ObjectType, PortalSeed, SeedAssociation } from '../../../src/sandbox/state/portal-seed.ts';

export const PORTAL = 24051987;
export const APP_ID = 5123456;
export const T0 = Date.parse('2026-11-20T10:00:00.000Z');
export const CREATED = '2025-01-15T09:00:00.000Z';

export function record(id: string, properties: Record<string, string | null>, extra: Partial<HubSpotObject> = {}) {
  return { id, properties, createdAt: CREATED, updatedAt: CREATED, archived: false, ...extra } as HubSpotObject;
}

export function owner(id: string, archived = false, email = `owner${id}@vendor.example`): HubSpotOwner {
  return {
    id,
    type: 'PERSON',
    archived,
    email,
    firstName: 'Owner',
    lastName: id,
    createdAt: CREATED,
    updatedAt: CREATED,
  };
}

export function link(fromType: ObjectType, fromId: string, toType: ObjectType, toId: string): SeedAssociation {
  return { fromType, fromId, toType, toId };
}

/** A small portal: two companies, three contacts (one with a title history), a deal and a task. */
export function smallSeed(over: Partial<PortalSeed> = {}): PortalSeed {
  return {
    portalId: PORTAL,
    owners: [owner('77'), owner('78', true)],
    objects: {
      companies: [
        record('101', {
          name: 'Acme Robotics',
          domain: 'acme.example',
          hubspot_owner_id: '77',
          annualrevenue: '1200000',
        }),
        record('102', { name: 'Globex', domain: 'globex.example', annualrevenue: '300000' }),
      ],
      contacts: [
        record(
          '201',
          { firstname: 'Ada', lastname: 'Lovelace', email: 'ada@acme.example' },
          {
            propertiesWithHistory: {
              jobtitle: [
                { value: 'VP Engineering', timestamp: '2026-10-01T00:00:00.000Z', sourceType: 'CRM_UI' },
                { value: 'Director', timestamp: '2025-02-01T00:00:00.000Z', sourceType: 'IMPORT' },
              ],
            },
          },
        ),
        record('202', { firstname: 'Grace', lastname: 'Hopper', email: 'grace@acme.example', jobtitle: 'CTO' }),
        record('203', { firstname: 'Alan', lastname: 'Turing', email: 'alan@globex.example' }),
      ],
      deals: [record('301', { dealname: 'Acme renewal', amount: '50000' })],
      tasks: [record('401', { hs_task_subject: 'Call Ada', hs_task_status: 'NOT_STARTED' })],
    },
    associations: [
      link('contacts', '201', 'companies', '101'),
      link('contacts', '202', 'companies', '101'),
      link('contacts', '203', 'companies', '102'),
      link('deals', '301', 'companies', '101'),
      link('tasks', '401', 'companies', '101'),
    ],
    ...over,
  };
}
