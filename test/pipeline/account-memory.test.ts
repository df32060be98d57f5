import { describe, expect, it } from 'vitest';
import type { HubSpotWebhookEvent } from '../../src/adapters/hubspot/bundle.ts';
import { nameDepartures, rememberContacts, rememberEvents } from '../../src/pipeline/account-memory.ts';
import { championDeparted } from '../../src/signals/champion-departed.ts';
import { contact, daysAgo, departed, NOW, snapshot } from '../helpers/build.ts';

const removal = (id: number, days: number) =>
  ({
    eventId: id,
    subscriptionId: 1,
    portalId: 1,
    appId: 1,
    attemptNumber: 0,
    subscriptionType: 'contact.associationChange',
    fromObjectId: id,
    toObjectId: 7,
    associationRemoved: true,
    occurredAt: daysAgo(days),
  }) as HubSpotWebhookEvent;

describe('company memory', () => {
  it('keeps removals, deletions and merges once each, and forgets them after 200 days', () => {
    const change = { ...removal(3, 1), subscriptionType: 'contact.propertyChange' };
    const memory = rememberEvents(
      { events: [removal(1, 250), removal(2, 10)] },
      [removal(2, 10), change, removal(4, 2)],
      NOW,
    );
    expect(memory.events?.map((e) => e.eventId)).toEqual([2, 4]);
  });

  it('names a departed contact as last seen, so champion_departed knows a champion left', () => {
    const before = snapshot({
      contacts: [contact({ id: '501', name: 'Jane Roe', title: 'COO', roles: ['champion'] })],
    });
    const memory = rememberContacts({}, before, daysAgo(20));
    const after = snapshot({ contacts: [], departedContacts: [departed({ id: '501', at: daysAgo(3) })] });
    const named = nameDepartures(after, memory);
    expect(named.departedContacts[0]).toMatchObject({ name: 'Jane Roe', title: 'COO', roles: ['champion'] });
    const config = { thresholds: championDeparted.thresholds.parse({}), tenant: { competitors: [] } };
    expect(championDeparted.evaluate(named, config, NOW)?.strength).toBe(1);
    expect(championDeparted.evaluate(after, config, NOW)?.strength).toBe(0.5);
  });

  it('forgets contacts not seen for 200 days', () => {
    const memory = rememberContacts({}, snapshot({ contacts: [contact({ id: '1' })] }), daysAgo(201));
    expect(rememberContacts(memory, snapshot(), NOW).knownContacts).toEqual([]);
  });
});
