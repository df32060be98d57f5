import { describe, expect, it } from 'vitest';
import { toSnapshot } from '../../../src/adapters/hubspot/to-snapshot.ts';
import { DEFAULT_MAPPINGS } from '../../../src/core/mappings.ts';
import { at, bundle, COMPANY_ID, hsEvent, hsObject } from './build.ts';

const map = (over: Parameters<typeof bundle>[0]) => toSnapshot(bundle(over), DEFAULT_MAPPINGS);
const contact = (properties: Record<string, string | null>, history?: Parameters<typeof hsObject>[2]) =>
  map({ contacts: [hsObject('501', properties, history)] }).contacts[0];

describe('contacts', () => {
  it('joins and trims the name; null when empty', () => {
    expect(contact({ firstname: ' Ada ', lastname: 'Lovelace ' })?.name).toBe('Ada Lovelace');
    expect(contact({ firstname: 'Ada', lastname: null })?.name).toBe('Ada');
    expect(contact({ firstname: '', lastname: '' })?.name).toBeNull();
    expect(contact({})?.name).toBeNull();
  });

  it('takes the email domain in lower case', () => {
    expect(contact({ email: 'Ada@Example.COM' })).toMatchObject({
      email: 'Ada@Example.COM',
      emailDomain: 'example.com',
    });
    expect(contact({ email: 'broken' })).toMatchObject({ email: 'broken', emailDomain: null });
    expect(contact({})).toMatchObject({ email: null, emailDomain: null });
  });

  it('keeps the job title and its history', () => {
    const c = contact(
      { jobtitle: 'CTO' },
      {
        jobtitle: [
          ['CTO', '2026-09-01T00:00:00Z', 'CRM_UI'],
          ['VP Engineering', '2024-01-01T00:00:00Z', 'IMPORT'],
        ],
      },
    );
    expect(c?.title).toBe('CTO');
    expect(c?.titleHistory).toEqual([
      { value: 'VP Engineering', at: at('2024-01-01T00:00:00Z') },
      { value: 'CTO', at: at('2026-09-01T00:00:00Z') },
    ]);
  });

  it('maps every buying role, case-insensitively; anything else is other', () => {
    const roles = (value: string) => contact({ hs_buying_role: value })?.roles;
    expect(
      roles('CHAMPION;DECISION_MAKER;EXECUTIVE_SPONSOR;BUDGET_HOLDER;INFLUENCER;END_USER;BLOCKER;LEGAL_AND_COMPLIANCE'),
    ).toEqual([
      'champion',
      'decision_maker',
      'executive_sponsor',
      'budget_holder',
      'influencer',
      'end_user',
      'blocker',
      'legal_and_compliance',
    ]);
    expect(roles('champion')).toEqual(['champion']);
    expect(roles('Budget_Holder; ;MY_ROLE;OTHER_ROLE')).toEqual(['budget_holder', 'other']);
    expect(roles('')).toEqual([]);
    expect(roles(' ')).toEqual([]);
    expect(roles(' champion ')).toEqual(['champion']);
    expect(roles('NOT_A_ROLE')).toEqual(['other']);
  });

  it('takes createdAt from createdate, else the record', () => {
    expect(contact({ createdate: '2025-05-05T05:05:05Z' })?.createdAt).toBe(at('2025-05-05T05:05:05Z'));
    expect(contact({})?.createdAt).toBe(at('2026-01-05T10:00:00Z'));
  });

  it('takes the latest reply as lastEngagedAt', () => {
    const sales = { hs_sales_email_last_replied: '2026-10-01T00:00:00Z' };
    const marketing = { hs_email_last_reply_date: '2026-10-05T00:00:00Z' };
    expect(contact({ ...sales, ...marketing })?.lastEngagedAt).toBe(at('2026-10-05T00:00:00Z'));
    expect(contact(sales)?.lastEngagedAt).toBe(at('2026-10-01T00:00:00Z'));
    expect(contact(marketing)?.lastEngagedAt).toBe(at('2026-10-05T00:00:00Z'));
    expect(contact({})?.lastEngagedAt).toBeNull();
  });

  it('dates a hard bounce by the history entry that set it, never by guess', () => {
    const bounced = contact(
      { hs_email_hard_bounce_reason_enum: 'MAILBOX_FULL' },
      {
        hs_email_hard_bounce_reason_enum: [
          ['MAILBOX_FULL', '2026-10-03T00:00:00Z', 'EMAIL'],
          ['UNKNOWN_USER', '2026-10-02T00:00:00Z', 'EMAIL'],
          ['', '2026-01-01T00:00:00Z', 'EMAIL'],
        ],
      },
    );
    expect(bounced?.hardBouncedAt).toBe(at('2026-10-02T00:00:00Z'));
    const badAddress = contact(
      { hs_email_bad_address: 'true' },
      {
        hs_email_bad_address: [
          ['true', '2026-10-07T00:00:00Z', 'EMAIL'],
          ['false', '2025-01-01T00:00:00Z', 'EMAIL'],
        ],
      },
    );
    expect(badAddress?.hardBouncedAt).toBe(at('2026-10-07T00:00:00Z'));
    const both = contact(
      {},
      {
        hs_email_bad_address: [['true', '2026-10-07T00:00:00Z', 'EMAIL']],
        hs_email_hard_bounce_reason_enum: [['UNKNOWN_USER', '2026-10-08T00:00:00Z', 'EMAIL']],
      },
    );
    expect(both?.hardBouncedAt).toBe(at('2026-10-07T00:00:00Z'));
    expect(
      contact({ hs_email_hard_bounce_reason_enum: 'UNKNOWN_USER', hs_email_bad_address: 'true' })?.hardBouncedAt,
    ).toBeNull();
    const cleared = contact(
      {},
      {
        hs_email_hard_bounce_reason_enum: [
          ['', '2026-10-09T00:00:00Z', 'CRM_UI'],
          ['UNKNOWN_USER', '2026-10-02T00:00:00Z', 'EMAIL'],
        ],
      },
    );
    expect(cleared?.hardBouncedAt).toBeNull();
  });

  it('dates an opt-out by the history entry that set it', () => {
    const optedOut = contact(
      { hs_email_optout: 'true' },
      {
        hs_email_optout: [
          ['true', '2026-11-02T00:00:00Z', 'EMAIL'],
          ['false', '2025-01-01T00:00:00Z', 'IMPORT'],
        ],
      },
    );
    expect(optedOut?.optedOutAt).toBe(at('2026-11-02T00:00:00Z'));
    expect(contact({ hs_email_optout: 'true' })?.optedOutAt).toBeNull();
    expect(contact({}, { hs_email_optout: [['false', '2026-11-02T00:00:00Z', 'EMAIL']] })?.optedOutAt).toBeNull();
  });

  it('maps email activity dates and the primary company history', () => {
    const c = contact(
      {
        hs_email_last_open_date: '2026-11-01T00:00:00Z',
        hs_email_last_click_date: '1761580800000',
        hs_email_last_send_date: '2026-11-03',
      },
      {
        associatedcompanyid: [
          ['222', '2026-08-01T00:00:00Z', 'CRM_UI'],
          [COMPANY_ID, '2024-01-01T00:00:00Z', 'IMPORT'],
        ],
      },
    );
    expect(c).toMatchObject({
      lastOpenAt: at('2026-11-01T00:00:00Z'),
      lastClickAt: 1761580800000,
      lastSendAt: at('2026-11-03T00:00:00Z'),
      primaryAccountHistory: [
        { value: COMPANY_ID, at: at('2024-01-01T00:00:00Z') },
        { value: '222', at: at('2026-08-01T00:00:00Z') },
      ],
    });
  });
});

describe('departed contacts', () => {
  const company = Number(COMPANY_ID);
  const removed = (contactId: number, when: string, removedFlag = true) =>
    hsEvent('contact.associationChange', when, {
      associationType: 'CONTACT_TO_COMPANY',
      fromObjectId: contactId,
      toObjectId: company,
      associationRemoved: removedFlag,
      isPrimaryAssociation: true,
    });
  const departed = (events: ReturnType<typeof hsEvent>[], contacts = [] as ReturnType<typeof hsObject>[]) =>
    map({ events, contacts }).departedContacts;

  it('reports a removed association, from either side and in the generic form', () => {
    expect(
      departed([
        removed(1, '2026-10-01T00:00:00Z'),
        hsEvent('company.associationChange', '2026-10-02T00:00:00Z', {
          associationType: 'COMPANY_TO_CONTACT',
          fromObjectId: company,
          toObjectId: 2,
          associationRemoved: true,
        }),
        hsEvent('object.associationChange', '2026-10-03T00:00:00Z', {
          objectTypeId: '0-1',
          associationTypeId: 279,
          associationCategory: 'HUBSPOT_DEFINED',
          fromObjectId: '3',
          toObjectId: COMPANY_ID,
          associationRemoved: true,
        }),
      ]),
    ).toEqual([
      { id: '1', reason: 'association_removed', at: at('2026-10-01T00:00:00Z'), name: null, title: null, roles: null },
      { id: '2', reason: 'association_removed', at: at('2026-10-02T00:00:00Z'), name: null, title: null, roles: null },
      { id: '3', reason: 'association_removed', at: at('2026-10-03T00:00:00Z'), name: null, title: null, roles: null },
    ]);
  });

  it('reports deleted contacts, including privacy deletions and the generic form', () => {
    const events = [
      hsEvent('contact.deletion', '2026-10-01T00:00:00Z', { objectId: 1 }),
      hsEvent('contact.privacyDeletion', '2026-10-02T00:00:00Z', { objectId: 2 }),
      hsEvent('object.deletion', '2026-10-03T00:00:00Z', { objectId: 3, objectTypeId: '0-1' }),
      hsEvent('object.deletion', '2026-10-04T00:00:00Z', { objectId: 4, objectTypeId: '0-3' }),
    ];
    expect(departed(events).map((d) => [d.id, d.reason, d.at])).toEqual([
      ['1', 'deleted', at('2026-10-01T00:00:00Z')],
      ['2', 'deleted', at('2026-10-02T00:00:00Z')],
      ['3', 'deleted', at('2026-10-03T00:00:00Z')],
    ]);
  });

  it('lets a later re-association cancel a departure, whatever order the events come in', () => {
    expect(departed([removed(1, '2026-10-05T00:00:00Z', false), removed(1, '2026-10-01T00:00:00Z')])).toEqual([]);
    expect(departed([removed(1, '2026-10-01T00:00:00Z'), removed(1, '2026-10-05T00:00:00Z', false)])).toEqual([]);
    // …but an earlier association does not.
    expect(departed([removed(1, '2026-10-05T00:00:00Z'), removed(1, '2026-10-01T00:00:00Z', false)])).toHaveLength(1);
  });

  it('cancels a departure of a contact still associated (in `contacts`)', () => {
    expect(departed([removed(1, '2026-10-01T00:00:00Z')], [hsObject('1')])).toEqual([]);
  });

  it('keeps the latest departure of a contact', () => {
    const events = [
      hsEvent('contact.deletion', '2026-10-09T00:00:00Z', { objectId: 1 }),
      removed(1, '2026-10-01T00:00:00Z'),
    ];
    expect(departed(events).map((d) => [d.reason, d.at])).toEqual([['deleted', at('2026-10-09T00:00:00Z')]]);
  });

  it('does not count a merge as a departure', () => {
    const events = [
      hsEvent('contact.merge', '2026-10-01T00:00:00Z', { primaryObjectId: 1, mergedObjectIds: [2], newObjectId: 1 }),
      removed(2, '2026-10-01T00:00:01Z'),
      hsEvent('contact.deletion', '2026-10-01T00:00:02Z', { objectId: 2 }),
      removed(1, '2026-09-30T00:00:00Z'),
    ];
    expect(departed(events)).toEqual([]);
  });

  it('lets a restore cancel a deletion', () => {
    const events = [
      hsEvent('contact.deletion', '2026-10-01T00:00:00Z', { objectId: 1 }),
      hsEvent('contact.restore', '2026-10-02T00:00:00Z', { objectId: 1 }),
    ];
    expect(departed(events)).toEqual([]);
  });

  it('ignores associations with other companies or other object types', () => {
    expect(
      departed([
        hsEvent('contact.associationChange', '2026-10-01T00:00:00Z', {
          associationType: 'CONTACT_TO_COMPANY',
          fromObjectId: 1,
          toObjectId: 424242,
          associationRemoved: true,
        }),
        hsEvent('contact.associationChange', '2026-10-01T00:00:00Z', {
          associationType: 'CONTACT_TO_DEAL',
          fromObjectId: 2,
          toObjectId: company,
          associationRemoved: true,
        }),
        hsEvent('company.associationChange', '2026-10-01T00:00:00Z', {
          associationType: 'COMPANY_TO_DEAL',
          fromObjectId: company,
          toObjectId: 3,
          associationRemoved: true,
        }),
        hsEvent('company.propertyChange', '2026-10-01T00:00:00Z', { objectId: company, propertyName: 'name' }),
      ]),
    ).toEqual([]);
  });
});
