import { describe, expect, it } from 'vitest';
import type { HubSpotWebhookEvent } from '../../src/adapters/hubspot/bundle.ts';
import { isOwnWrite } from '../../src/http/is-own-write.ts';
import { toInboxEvent } from '../../src/http/to-inbox-event.ts';

const base: HubSpotWebhookEvent = {
  eventId: 7,
  subscriptionId: 1,
  portalId: 101,
  appId: 5123456,
  occurredAt: 1795169532118,
  subscriptionType: 'contact.deletion',
  attemptNumber: 0,
};

describe('toInboxEvent', () => {
  it('keys an object event on its object and property, and keeps the event as payload', () => {
    const event = { ...base, subscriptionType: 'company.propertyChange', objectId: 9001, propertyName: 'name' };
    expect(toInboxEvent(event)).toEqual({
      portalId: 101,
      subscriptionType: 'company.propertyChange',
      objectId: '9001',
      propertyName: 'name',
      occurredAt: 1795169532118,
      payload: event,
    });
  });

  it('gives an event without a property no property key', () => {
    expect(toInboxEvent({ ...base, objectId: 51001 })).toMatchObject({ objectId: '51001', propertyName: null });
  });

  it('folds both ends and both object types of a generic association change into the key', () => {
    const event = {
      ...base,
      subscriptionType: 'object.associationChange',
      fromObjectTypeId: '0-1',
      toObjectTypeId: '0-2',
      fromObjectId: 51001,
      toObjectId: 9001,
      associationType: 'CONTACT_TO_COMPANY',
      associationRemoved: false,
    };
    expect(toInboxEvent(event)).toMatchObject({
      subscriptionType: 'object.associationChange:0-1-0-2',
      objectId: '51001-9001',
      propertyName: 'association:CONTACT_TO_COMPANY:added',
    });
  });

  it("falls back to HubSpot's event id for an event about no object", () => {
    expect(toInboxEvent(base)).toMatchObject({ objectId: 'event:7', propertyName: null });
  });
});

describe('isOwnWrite', () => {
  it.each([
    [{ changeSource: 'INTEGRATION', sourceId: '5123456' }, true],
    [{ changeSource: 'INTEGRATION', sourceId: '999001' }, false],
    [{ changeSource: 'CRM_UI', sourceId: 'userId:5123456' }, false],
    [{ changeSource: 'API', sourceId: '5123456' }, false],
    [{ changeSource: 'INTEGRATION' }, false],
  ])('%o → %s', (source, expected) => {
    expect(isOwnWrite({ ...base, ...source }, 5123456)).toBe(expected);
  });
});
