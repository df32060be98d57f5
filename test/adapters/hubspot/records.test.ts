import { describe, expect, it } from 'vitest';
import { toSnapshot } from '../../../src/adapters/hubspot/to-snapshot.ts';
import { DEFAULT_MAPPINGS, PropertyMappings } from '../../../src/core/mappings.ts';
import { at, bundle, COMPANY_ID, fixture, hsObject } from './build.ts';

const map = (over: Parameters<typeof bundle>[0]) => toSnapshot(bundle(over), DEFAULT_MAPPINGS);
type Props = Record<string, string | null>;
type History = Parameters<typeof hsObject>[2];

describe('deals', () => {
  const deal = (properties: Props, history?: History) =>
    map({ deals: [hsObject('701', properties, history)] }).deals[0];

  it('maps the fields', () => {
    expect(
      deal({
        dealname: 'Platform',
        amount: '1200.50',
        dealstage: 'contractsent',
        closedate: '2026-12-01',
        createdate: '2026-09-01T00:00:00Z',
        closed_lost_reason: '',
      }),
    ).toEqual({
      id: '701',
      name: 'Platform',
      amount: 1200.5,
      amountHistory: [],
      stage: 'contractsent',
      status: 'open',
      isRenewal: false,
      closeDate: at('2026-12-01T00:00:00Z'),
      createdAt: at('2026-09-01T00:00:00Z'),
      lostReason: null,
      stageChangedAt: null,
    });
    expect(deal({})?.createdAt).toBe(at('2026-01-05T10:00:00Z'));
  });

  it('derives the status', () => {
    const status = (properties: Props) => deal(properties)?.status;
    expect(status({ dealstage: 'closedwon' })).toBe('won');
    expect(status({ dealstage: 'custom-won', hs_is_closed_won: 'true', hs_is_closed: 'true' })).toBe('won');
    expect(status({ dealstage: 'closedlost' })).toBe('lost');
    expect(status({ dealstage: 'custom-lost', hs_is_closed: 'true', hs_is_closed_won: 'false' })).toBe('lost');
    expect(status({ dealstage: 'presentationscheduled', hs_is_closed: 'false' })).toBe('open');
    expect(status({})).toBe('open');
  });

  it('recognises renewals by deal type or name', () => {
    const renewal = (properties: Props) => deal(properties)?.isRenewal;
    expect(renewal({ dealtype: 'renewal' })).toBe(true);
    expect(renewal({ dealtype: 'Renewal' })).toBe(true);
    expect(renewal({ dealname: 'ACME RENEWAL FY27' })).toBe(true);
    expect(renewal({ dealname: 'Acme 续费' })).toBe(true);
    expect(renewal({ dealname: 'Acme 续约 2027' })).toBe(true);
    expect(renewal({ dealtype: 'newbusiness', dealname: 'Acme expansion' })).toBe(false);
  });

  it('keeps the amount history and dates the last stage change', () => {
    const d = deal(
      { amount: '800', dealstage: 'closedwon' },
      {
        amount: [
          ['800', '2026-10-01T00:00:00Z'],
          ['', '2026-09-15T00:00:00Z'],
          ['1000', '2026-09-01T00:00:00Z'],
        ],
        dealstage: [
          ['closedwon', '2026-10-02T00:00:00Z'],
          ['appointmentscheduled', '2026-09-01T00:00:00Z'],
        ],
      },
    );
    expect(d?.amountHistory).toEqual([
      { value: 1000, at: at('2026-09-01T00:00:00Z') },
      { value: null, at: at('2026-09-15T00:00:00Z') },
      { value: 800, at: at('2026-10-01T00:00:00Z') },
    ]);
    expect(d?.stageChangedAt).toBe(at('2026-10-02T00:00:00Z'));
  });
});

describe('tickets', () => {
  const ticket = (properties: Props, history?: History) =>
    map({ tickets: [hsObject('801', properties, history)] }).tickets[0];

  it('maps the fields and the priority', () => {
    expect(
      ticket({
        subject: 'Export broken',
        content: 'CSV times out',
        hs_ticket_priority: 'HIGH',
        hs_ticket_category: 'PRODUCT_ISSUE',
        createdate: '2026-10-01T00:00:00Z',
      }),
    ).toEqual({
      id: '801',
      subject: 'Export broken',
      content: 'CSV times out',
      priority: 'high',
      category: 'PRODUCT_ISSUE',
      open: true,
      createdAt: at('2026-10-01T00:00:00Z'),
      closedAt: null,
      reopenedAt: null,
    });
    const priority = (value: string) => ticket({ hs_ticket_priority: value })?.priority;
    expect([
      priority('LOW'),
      priority('MEDIUM'),
      priority('URGENT'),
      priority('high'),
      priority('P1'),
      priority(''),
    ]).toEqual(['low', 'medium', 'urgent', 'high', null, null]);
  });

  it('is open unless closed by date, flag, or the support pipeline’s closed stage', () => {
    const open = (properties: Props) => ticket(properties)?.open;
    expect(open({ closed_date: '2026-10-02T00:00:00Z' })).toBe(false);
    expect(open({ hs_is_closed: 'true' })).toBe(false);
    expect(open({ hs_pipeline: '0', hs_pipeline_stage: '4' })).toBe(false);
    expect(open({ hs_pipeline: '123', hs_pipeline_stage: '4' })).toBe(true);
    expect(open({ hs_pipeline: '0', hs_pipeline_stage: '3', hs_is_closed: 'false', closed_date: '' })).toBe(true);
  });

  it('dates a reopening by closed_date being cleared or the stage leaving "closed"', () => {
    const byDate = ticket(
      { closed_date: '' },
      {
        closed_date: [
          ['', '2026-10-10T00:00:00Z', 'CALCULATED'],
          ['2026-10-02T00:00:00Z', '2026-10-02T00:00:00Z', 'CALCULATED'],
          ['', '2026-09-01T00:00:00Z', 'CALCULATED'],
        ],
      },
    );
    expect(byDate?.reopenedAt).toBe(at('2026-10-10T00:00:00Z'));
    const byStage = ticket(
      { hs_pipeline: '0', hs_pipeline_stage: '4', closed_date: '2026-10-20T00:00:00Z' },
      {
        hs_pipeline_stage: [
          ['4', '2026-10-20T00:00:00Z'],
          ['2', '2026-10-12T00:00:00Z'],
          ['4', '2026-10-05T00:00:00Z'],
          ['1', '2026-10-01T00:00:00Z'],
        ],
      },
    );
    expect(byStage).toMatchObject({
      open: false,
      closedAt: at('2026-10-20T00:00:00Z'),
      reopenedAt: at('2026-10-12T00:00:00Z'),
    });
    const otherPipeline = ticket(
      { hs_pipeline: '77', hs_pipeline_stage: '2' },
      {
        hs_pipeline_stage: [
          ['2', '2026-10-12T00:00:00Z'],
          ['4', '2026-10-05T00:00:00Z'],
        ],
      },
    );
    expect(otherPipeline?.reopenedAt).toBeNull();
    expect(ticket({ closed_date: '2026-10-02T00:00:00Z' })?.reopenedAt).toBeNull();
  });
});

describe('engagements', () => {
  const one = (list: 'emails' | 'calls' | 'meetings' | 'notes', properties: Props) =>
    map({ [list]: [hsObject('901', properties)] }).engagements[0];

  it('maps emails by direction; text falls back to the HTML without tags', () => {
    expect(
      one('emails', {
        hs_timestamp: '2026-10-22T09:00:00Z',
        hs_email_direction: 'INCOMING_EMAIL',
        hs_email_subject: 'Re: renewal',
        hs_email_text: 'Sounds good',
        hs_email_html: '<p>ignored</p>',
      }),
    ).toEqual({
      id: '901',
      type: 'email',
      direction: 'inbound',
      twoWay: true,
      at: at('2026-10-22T09:00:00Z'),
      subject: 'Re: renewal',
      text: 'Sounds good',
    });
    const direction = (value: string) => {
      const e = one('emails', { hs_timestamp: '2026-10-22T09:00:00Z', hs_email_direction: value });
      return [e?.direction, e?.twoWay];
    };
    expect(direction('EMAIL')).toEqual(['outbound', false]);
    expect(direction('FORWARDED_EMAIL')).toEqual(['outbound', false]);
    expect(direction('DRAFT_EMAIL')).toEqual([null, false]);
    const html = one('emails', {
      hs_timestamp: '2026-10-22T09:00:00Z',
      hs_email_html:
        '<html><style>p{color:red}</style><body><p>Hi&nbsp;Ada,</p><p>Price &lt; 5k &amp; <b>soon</b></p></body></html>',
    });
    expect(html?.text).toBe('Hi Ada,\nPrice < 5k & soon');
  });

  it('maps calls: inbound or connected calls are two-way', () => {
    const call = (properties: Props) => one('calls', { hs_timestamp: '2026-10-22T09:00:00Z', ...properties });
    expect(
      call({ hs_call_direction: 'INBOUND', hs_call_title: 'Help', hs_call_body: '<p>Printer <i>on fire</i></p>' }),
    ).toEqual({
      id: '901',
      type: 'call',
      direction: 'inbound',
      twoWay: true,
      at: at('2026-10-22T09:00:00Z'),
      subject: 'Help',
      text: 'Printer on fire',
    });
    const connected = { hs_call_status: 'COMPLETED', hs_call_disposition: 'f240bbac-87c9-4f6e-bf70-924b57d47db7' };
    expect(call({ hs_call_direction: 'OUTBOUND', ...connected })?.twoWay).toBe(true);
    expect(call({ hs_call_direction: 'OUTBOUND', hs_call_status: 'COMPLETED' })?.twoWay).toBe(false);
    expect(call({ hs_call_direction: 'OUTBOUND', ...connected, hs_call_status: 'NO_ANSWER' })?.twoWay).toBe(false);
    expect(call({})?.direction).toBeNull();
  });

  it('maps meetings: held unless canceled, no-show or rescheduled', () => {
    const meeting = (properties: Props) => one('meetings', properties);
    const held = (outcome: string | null) =>
      meeting({ hs_meeting_start_time: '2026-10-22T09:00:00Z', hs_meeting_outcome: outcome })?.twoWay;
    expect([
      held('COMPLETED'),
      held('SCHEDULED'),
      held(null),
      held('CANCELED'),
      held('NO_SHOW'),
      held('RESCHEDULED'),
    ]).toEqual([true, true, true, false, false, false]);
    expect(
      meeting({
        hs_timestamp: '2026-10-01T00:00:00Z',
        hs_meeting_start_time: '2026-10-22T09:00:00Z',
        hs_meeting_title: 'QBR',
        hs_meeting_body: 'Agenda',
      }),
    ).toEqual({
      id: '901',
      type: 'meeting',
      direction: null,
      twoWay: true,
      at: at('2026-10-22T09:00:00Z'),
      subject: 'QBR',
      text: 'Agenda',
    });
    expect(meeting({ hs_timestamp: '2026-10-01T00:00:00Z' })?.at).toBe(at('2026-10-01T00:00:00Z'));
  });

  it('maps notes as one-way, without subject', () => {
    expect(
      one('notes', { hs_timestamp: '2026-10-01T00:00:00Z', hs_note_body: '<div>Called &quot;Ada&quot;</div>' }),
    ).toEqual({
      id: '901',
      type: 'note',
      direction: null,
      twoWay: false,
      at: at('2026-10-01T00:00:00Z'),
      subject: null,
      text: 'Called "Ada"',
    });
  });

  it('skips records without a usable timestamp', () => {
    const s = map({
      emails: [hsObject('1', { hs_timestamp: '' })],
      calls: [hsObject('2', { hs_timestamp: 'not a date' })],
      meetings: [hsObject('3', { hs_meeting_outcome: 'COMPLETED' })],
      notes: [hsObject('4', { hs_note_body: 'x' })],
    });
    expect(s.engagements).toEqual([]);
  });
});

describe('tasks', () => {
  it('maps subject, status, due and completion dates and owner', () => {
    const s = map({
      tasks: [
        hsObject('1', {
          hs_task_subject: 'Call Ada',
          hs_task_status: 'WAITING',
          hs_timestamp: '2026-11-01T00:00:00Z',
          hubspot_owner_id: '9',
        }),
        hsObject('2', { hs_task_status: 'COMPLETED', hs_task_completion_date: '1761580800000' }),
      ],
    });
    expect(s.tasks).toEqual([
      {
        id: '1',
        subject: 'Call Ada',
        status: 'open',
        dueAt: at('2026-11-01T00:00:00Z'),
        completedAt: null,
        ownerId: '9',
      },
      { id: '2', subject: null, status: 'completed', dueAt: null, completedAt: 1761580800000, ownerId: null },
    ]);
  });
});

describe('surveys', () => {
  const submission = (id: string, properties: Props) => hsObject(id, properties, undefined, '2026-10-30T12:00:00.000Z');

  it('maps feedback submissions with a numeric score', () => {
    const s = map({
      feedbackSubmissions: [
        submission('1', {
          hs_survey_type: 'NPS',
          hs_value: '3',
          hs_submission_timestamp: '2026-10-01T00:00:00Z',
          hs_contact_id: '501',
          hs_content: 'Too slow',
        }),
        submission('2', { hs_survey_type: 'csat', hs_value: '4' }),
        submission('3', { hs_survey_type: 'CES', hs_value: '6' }),
        submission('4', { hs_survey_type: 'CUSTOM', hs_value: '1' }),
        submission('5', { hs_survey_type: 'NPS', hs_value: '' }),
        submission('6', { hs_survey_type: 'NPS', hs_value: 'great' }),
      ],
    });
    expect(s.surveys).toEqual([
      {
        id: '1',
        kind: 'nps',
        score: 3,
        at: at('2026-10-01T00:00:00Z'),
        contactId: '501',
        comment: 'Too slow',
        recordType: 'feedback_submission',
        recordId: '1',
      },
      {
        id: '2',
        kind: 'csat',
        score: 4,
        at: at('2026-10-30T12:00:00Z'),
        contactId: null,
        comment: null,
        recordType: 'feedback_submission',
        recordId: '2',
      },
      expect.objectContaining({ id: '3', kind: 'ces', score: 6 }),
      expect.objectContaining({ id: '4', kind: 'other', score: 1 }),
    ]);
  });

  it("turns each history entry of a contact's last NPS / CSAT rating into an answer", () => {
    const contact = hsObject(
      '501',
      {
        hs_feedback_last_nps_rating: '2',
        hs_feedback_last_csat_survey_rating: '1',
        hs_feedback_last_survey_date: '2026-10-09T00:00:00Z',
      },
      {
        hs_feedback_last_nps_rating: [
          ['2', '2026-10-08T00:00:00Z', 'INTEGRATION'],
          ['', '2026-06-01T00:00:00Z'],
          ['8', '2026-03-01T00:00:00Z', 'INTEGRATION'],
        ],
      },
    );
    expect(map({ contacts: [contact] }).surveys).toEqual([
      {
        id: `501:nps:${at('2026-03-01T00:00:00Z')}`,
        kind: 'nps',
        score: 8,
        at: at('2026-03-01T00:00:00Z'),
        contactId: '501',
        comment: null,
        recordType: 'contact',
        recordId: '501',
      },
      expect.objectContaining({
        id: `501:nps:${at('2026-10-08T00:00:00Z')}`,
        score: 2,
        at: at('2026-10-08T00:00:00Z'),
      }),
      // No history: dated by the last survey date.
      expect.objectContaining({ id: `501:csat:${at('2026-10-09T00:00:00Z')}`, kind: 'csat', score: 1 }),
    ]);
    // Neither history nor a survey date: no answer rather than a guessed date.
    expect(map({ contacts: [hsObject('502', { hs_feedback_last_nps_rating: '5' })] }).surveys).toEqual([]);
  });

  it('drops a contact answer that repeats a submission (same contact, kind and score within a day)', () => {
    const contact = hsObject(
      '501',
      {},
      {
        hs_feedback_last_nps_rating: [
          ['3', '2026-10-01T20:00:00Z', 'INTEGRATION'], // the submission below, recorded on the contact later that day
          ['3', '2026-08-01T00:00:00Z', 'INTEGRATION'], // same score, months earlier: another answer
          ['7', '2026-06-01T00:00:00Z', 'INTEGRATION'],
        ],
        hs_feedback_last_csat_survey_rating: [['3', '2026-10-01T00:00:00Z', 'INTEGRATION']], // other kind
      },
    );
    const other = hsObject('502', {}, { hs_feedback_last_nps_rating: [['3', '2026-10-01T00:00:00Z', 'INTEGRATION']] });
    const s = map({
      contacts: [contact, other],
      feedbackSubmissions: [
        submission('1', {
          hs_survey_type: 'NPS',
          hs_value: '3',
          hs_submission_timestamp: '2026-10-01T00:00:00Z',
          hs_contact_id: '501',
        }),
      ],
    });
    expect(s.surveys.map((v) => [v.recordType, v.contactId, v.kind, v.score, v.at])).toEqual([
      ['feedback_submission', '501', 'nps', 3, at('2026-10-01T00:00:00Z')],
      ['contact', '501', 'nps', 7, at('2026-06-01T00:00:00Z')],
      ['contact', '501', 'nps', 3, at('2026-08-01T00:00:00Z')],
      ['contact', '501', 'csat', 3, at('2026-10-01T00:00:00Z')],
      ['contact', '502', 'nps', 3, at('2026-10-01T00:00:00Z')],
    ]);
  });
});

describe('custom properties through the admin mappings', () => {
  it('reads the properties the admin mapped, not the defaults', () => {
    const mappings = PropertyMappings.parse({
      renewalDate: 'contract_renewal_date',
      seatsPurchased: 'licenses_purchased',
      seatsActive: 'licenses_in_use',
      usageMetric: 'weekly_active_users',
      onboardingCompletedAt: 'kickoff_done_on',
      lastTrainingAt: 'last_enablement_session',
    });
    const input = fixture('globex-custom-mappings.bundle.json');
    expect(toSnapshot(input, mappings).custom).toEqual({
      renewalDate: at('2026-12-15T00:00:00Z'),
      seatsPurchased: 50,
      seatsActive: 31,
      seatsActiveHistory: [
        { value: 45, at: at('2026-07-01T00:00:00Z') },
        { value: 31, at: at('2026-10-01T00:00:00Z') },
      ],
      usage: 17,
      usageHistory: [
        { value: 40, at: at('2026-07-01T00:00:00Z') },
        { value: null, at: at('2026-08-01T00:00:00Z') },
        { value: 17, at: at('2026-10-01T00:00:00Z') },
      ],
      onboardingCompletedAt: 1767225600000,
      lastTrainingAt: at('2026-03-03T00:00:00Z'),
    });
    // The same bundle read with the default mappings sees the app's own properties.
    expect(toSnapshot(input, DEFAULT_MAPPINGS).custom).toMatchObject({
      seatsPurchased: 999,
      usage: 999,
      usageHistory: [],
    });
  });

  it('is all null / empty when the properties are not set', () => {
    expect(map({}).custom).toEqual({
      renewalDate: null,
      seatsPurchased: null,
      seatsActive: null,
      seatsActiveHistory: [],
      usage: null,
      usageHistory: [],
      onboardingCompletedAt: null,
      lastTrainingAt: null,
    });
  });

  it('maps the score history and the tenant', () => {
    const s = map({
      company: hsObject(
        COMPANY_ID,
        { churn_risk_score: '55' },
        {
          churn_risk_score: [
            ['55', '2026-11-01T00:00:00Z', 'INTEGRATION'],
            ['20', '2026-10-01T00:00:00Z', 'INTEGRATION'],
          ],
        },
      ),
    });
    expect(s.scoreHistory).toEqual([
      { value: 20, at: at('2026-10-01T00:00:00Z') },
      { value: 55, at: at('2026-11-01T00:00:00Z') },
    ]);
    expect([s.crm, s.tenantId]).toEqual(['hubspot', '24051987']);
  });
});
