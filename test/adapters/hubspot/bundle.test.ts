import { describe, expect, it } from 'vitest';
import { BundleError, type BundleIssue, parseHubSpotBundle } from '../../../src/adapters/hubspot/bundle.ts';
import { fixtureJson, hsEvent, hsObject, PORTAL } from './build.ts';

function issuesOf(json: unknown): BundleIssue[] {
  try {
    parseHubSpotBundle(json);
  } catch (error) {
    expect(error).toBeInstanceOf(BundleError);
    return [...(error as BundleError).issues];
  }
  throw new Error('expected a BundleError');
}

const company = hsObject('1', { name: 'Acme' });

describe('parseHubSpotBundle', () => {
  it('accepts a minimal bundle and fills every missing list with []', () => {
    const bundle = parseHubSpotBundle(fixtureJson('minimal.bundle.json'));
    expect(bundle.portalId).toBe(101);
    expect(bundle.company.id).toBe('1');
    for (const key of [
      'contacts',
      'deals',
      'tickets',
      'emails',
      'calls',
      'meetings',
      'notes',
      'tasks',
      'feedbackSubmissions',
      'owners',
      'events',
    ] as const) {
      expect(bundle[key]).toEqual([]);
    }
  });

  it('accepts the realistic fixtures, keeping keys HubSpot adds', () => {
    const bundle = parseHubSpotBundle(fixtureJson('acme-robotics.bundle.json'));
    expect(bundle.contacts).toHaveLength(5);
    expect(bundle.company.url).toContain('/record/0-2/');
    expect(parseHubSpotBundle(fixtureJson('globex-custom-mappings.bundle.json')).deals).toEqual([]);
    const extra = parseHubSpotBundle({ portalId: 1, company: { ...company, someNewField: { x: 1 } } });
    expect(extra.company).toHaveProperty('someNewField', { x: 1 });
  });

  it('accepts empty lists, null property values and history entries with optional fields', () => {
    const bundle = parseHubSpotBundle({
      portalId: 1,
      company: {
        ...hsObject('1', { domain: null }),
        propertiesWithHistory: {
          name: [
            {
              value: 'Acme',
              timestamp: '2026-01-01T00:00:00+01:00',
              sourceType: 'INTEGRATION',
              sourceId: 'abc',
              sourceLabel: 'Sync',
              updatedByUserId: 12,
            },
          ],
        },
      },
      contacts: [],
      owners: [],
    });
    expect(bundle.company.properties.domain).toBeNull();
  });

  it('names a missing company', () => {
    expect(issuesOf({ portalId: 1 })).toEqual([{ path: 'company', message: 'missing, expected an object' }]);
  });

  it('names a wrongly typed property value with its path in JS notation', () => {
    const contacts = [hsObject('1'), hsObject('2'), hsObject('3'), { ...hsObject('4'), properties: { email: 5 } }];
    expect(issuesOf({ portalId: 1, company, contacts })).toEqual([
      { path: 'contacts[3].properties.email', message: 'expected string or null, received number' },
    ]);
  });

  it('lists every problem, and the message names each one', () => {
    const json = {
      portalId: '1',
      company: { ...company, archived: 'no', createdAt: 'yesterday' },
      deals: {},
      owners: [{ id: 7, type: 'ROBOT', archived: false, createdAt: '2026-01-01T00:00:00Z' }],
    };
    const issues = issuesOf(json);
    expect(issues).toEqual([
      { path: 'portalId', message: 'expected number (the HubSpot portal id, a positive integer), received string' },
      {
        path: 'company.createdAt',
        message: 'expected an ISO 8601 date-time like "2026-09-01T12:00:00.000Z", received "yesterday"',
      },
      { path: 'company.archived', message: 'expected boolean (true or false), received string' },
      { path: 'deals', message: 'expected array of deals, received object' },
      { path: 'owners[0].id', message: 'expected string, received number' },
      { path: 'owners[0].type', message: 'expected "PERSON" or "QUEUE", received "ROBOT"' },
      {
        path: 'owners[0].updatedAt',
        message: 'missing, expected an ISO 8601 date-time like "2026-09-01T12:00:00.000Z"',
      },
    ]);
    let message = '';
    try {
      parseHubSpotBundle(json);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('company.archived: expected boolean (true or false), received string');
    expect(message).toContain('owners[0].type: expected "PERSON" or "QUEUE", received "ROBOT"');
  });

  it('rejects bad dates in history entries and odd property names in bracket notation', () => {
    const bad = {
      ...company,
      propertiesWithHistory: { 'my-prop': [{ value: null, timestamp: '2026-13-01T00:00:00Z', sourceType: 'API' }] },
    };
    expect(issuesOf({ portalId: 1, company: bad })).toEqual([
      { path: 'company.propertiesWithHistory["my-prop"][0].value', message: 'expected string, received null' },
      {
        path: 'company.propertiesWithHistory["my-prop"][0].timestamp',
        message: 'expected an ISO 8601 date-time like "2026-09-01T12:00:00.000Z", received "2026-13-01T00:00:00Z"',
      },
    ]);
  });

  it('rejects a portalId that is not a positive integer', () => {
    expect(issuesOf({ portalId: -3, company })[0]?.message).toBe(
      'expected number (the HubSpot portal id, a positive integer), received -3',
    );
    expect(issuesOf({ portalId: 1.5, company })[0]?.message).toBe(
      'expected number (the HubSpot portal id, a positive integer), received 1.5',
    );
  });

  it('rejects an event from another portal', () => {
    const events = [
      hsEvent('contact.deletion', '2026-10-01T00:00:00Z', { objectId: 5 }),
      hsEvent('contact.deletion', '2026-10-01T00:00:00Z', { objectId: 6, portalId: 999 }),
    ];
    expect(issuesOf({ portalId: PORTAL, company, events })).toEqual([
      {
        path: 'events[1].portalId',
        message: `expected ${PORTAL} (the bundle's portalId), received 999: the event belongs to another portal`,
      },
    ]);
  });

  it('rejects malformed events', () => {
    const event = {
      ...hsEvent('contact.merge', '2026-10-01T00:00:00Z'),
      occurredAt: '2026-10-01',
      mergedObjectIds: ['x'],
    };
    expect(issuesOf({ portalId: PORTAL, company, events: [event] })).toEqual([
      { path: 'events[0].occurredAt', message: 'expected epoch milliseconds (integer), received string' },
      {
        path: 'events[0].mergedObjectIds[0]',
        message: 'expected a HubSpot object id (integer or string of digits), received "x"',
      },
    ]);
  });

  it('rejects keys that are not part of the bundle, and non-objects', () => {
    expect(issuesOf({ portalId: 1, company, contact: [] })).toEqual([
      { path: 'contact', message: expect.stringMatching(/^unknown key: expected one of portalId, company, contacts/) },
    ]);
    expect(issuesOf(null)).toEqual([{ path: '', message: 'expected an object (the account bundle), received null' }]);
    expect(issuesOf([])).toEqual([{ path: '', message: 'expected an object (the account bundle), received array' }]);
  });
});
