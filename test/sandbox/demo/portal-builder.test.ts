import { describe, expect, it } from 'vitest';
import { DAY } from '../../../src/core/time.ts';
import { createPortalBuilder, nextIdAfter } from '../../../src/sandbox/demo/portal-builder.ts';
import { parsePortalSeed } from '../../../src/sandbox/state/portal-seed.ts';

const NOW = Date.parse('2026-11-15T12:00:00Z');

describe('createPortalBuilder', () => {
  it('keeps histories newest first, the current value being the newest entry', () => {
    const b = createPortalBuilder(42, NOW);
    const contact = b.add('contacts', { firstname: 'Ava', jobtitle: 'Analyst' }, { at: NOW - 100 * DAY });
    b.change(contact, 'jobtitle', 'Head of Operations', NOW - 10 * DAY);
    b.change(contact, 'jobtitle', 'Operations Lead', NOW - 50 * DAY); // recorded late: goes in its place
    expect(contact.propertiesWithHistory?.jobtitle?.map((e) => e.value)).toEqual([
      'Head of Operations',
      'Operations Lead',
      'Analyst',
    ]);
    expect(contact.properties.jobtitle).toBe('Head of Operations');
  });

  it('records a cleared value as an empty string in the history', () => {
    const b = createPortalBuilder(42, NOW);
    const ticket = b.add(
      'tickets',
      {},
      { at: NOW - 5 * DAY, history: { closed_date: [['2026-11-12', NOW - 3 * DAY]] } },
    );
    b.change(ticket, 'closed_date', null, NOW - DAY);
    expect(ticket.properties.closed_date).toBeNull();
    expect(ticket.propertiesWithHistory?.closed_date?.[0]?.value).toBe('');
  });

  it('gives the properties the app reads with history their first value, and dates updatedAt at the last change', () => {
    const b = createPortalBuilder(42, NOW);
    const created = NOW - 30 * DAY;
    const contact = b.add(
      'contacts',
      { jobtitle: 'CFO', hs_email_optout: 'false', firstname: 'Leah' },
      { at: created },
    );
    b.change(contact, 'hs_email_optout', 'true', NOW - 2 * DAY);
    const seed = parsePortalSeed(b.seed());
    const stored = seed.objects.contacts?.[0];
    expect(stored?.propertiesWithHistory?.jobtitle).toEqual([
      { value: 'CFO', timestamp: new Date(created).toISOString(), sourceType: 'CRM_UI' },
    ]);
    expect(stored?.propertiesWithHistory?.firstname).toBeUndefined();
    expect(stored?.updatedAt).toBe(new Date(NOW - 2 * DAY).toISOString());
    expect(stored?.properties.hs_lastmodifieddate).toBe(stored?.updatedAt);
  });

  it('hands out increasing ids per type, engagements sharing one sequence', () => {
    const b = createPortalBuilder(42, NOW);
    const email = b.add('emails', {}, { at: NOW });
    const call = b.add('calls', {}, { at: NOW });
    const company = b.add('companies', {}, { at: NOW });
    expect(Number(call.id)).toBe(Number(email.id) + 1);
    expect(company.properties.hs_object_id).toBe(company.id);
    expect(nextIdAfter('calls', [call.id, email.id])).toBe(String(Number(call.id) + 1));
  });
});
