import { describe, expect, it } from 'vitest';
import type { SandboxChange } from '../../../../src/sandbox/platform/sandbox-change.ts';
import { toWebhookEvents } from '../../../../src/sandbox/platform/webhooks/to-webhook-events.ts';
import { subscriptionsFromHsmeta } from '../../../../src/sandbox/platform/webhooks/webhook-subscriptions.ts';

const T0 = Date.parse('2026-11-20T10:00:00.000Z');
const subscriptions = subscriptionsFromHsmeta();
let id = 1;
const context = { portalId: 7, appId: 9, subscriptions, nextEventId: () => id++ };
const taskStatus: SandboxChange = {
  objectType: 'tasks',
  objectId: '880',
  kind: 'propertyChange',
  propertyName: 'hs_task_status',
  propertyValue: 'COMPLETED',
  changeSource: 'INTEGRATION',
  sourceId: '9',
  occurredAt: new Date(T0).toISOString(),
};

describe('toWebhookEvents with the app’s subscriptions', () => {
  it('numbers the subscriptions of webhooks-hsmeta.json uniquely', () => {
    expect(subscriptions.length).toBeGreaterThan(50);
    expect(new Set(subscriptions.map((s) => s.id)).size).toBe(subscriptions.length);
  });

  it('sends generic object.* events with objectTypeId for subscribed properties of other object types', () => {
    expect(toWebhookEvents(taskStatus, context)).toMatchObject([
      {
        subscriptionType: 'object.propertyChange',
        objectTypeId: '0-27',
        objectId: 880,
        propertyName: 'hs_task_status',
        propertyValue: 'COMPLETED',
        occurredAt: T0,
        changeSource: 'INTEGRATION',
        sourceId: '9',
      },
    ]);
    expect(toWebhookEvents({ ...taskStatus, propertyName: 'hs_task_subject' }, context)).toEqual([]);
    expect(toWebhookEvents({ ...taskStatus, objectType: 'line_items' }, context)).toEqual([]);
  });

  it('refuses a change whose time is not one', () => {
    expect(() => toWebhookEvents({ ...taskStatus, occurredAt: 'soon' }, context)).toThrow(TypeError);
  });

  it('skips inactive subscriptions and rejects a file that is not a webhooks component', () => {
    const file = {
      config: {
        subscriptions: {
          legacyCrmObjects: [
            { subscriptionType: 'contact.creation', active: false },
            { subscriptionType: 'contact.deletion', active: true },
          ],
        },
      },
    };
    expect(subscriptionsFromHsmeta(file, 10)).toEqual([{ id: 10, subscriptionType: 'contact.deletion' }]);
    expect(() => subscriptionsFromHsmeta({ config: {} })).toThrow();
  });
});
