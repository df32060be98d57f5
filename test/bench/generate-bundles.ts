import type { HubSpotBundle } from '../../src/adapters/hubspot/bundle.ts';
import { DAY } from '../../src/core/time.ts';

/** Deterministic, varied HubSpot account bundles for the engine benchmark (a seed in, the same bundles out). */

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TITLES = [
  'CEO',
  'VP Marketing',
  'Head of Operations',
  'Marketing Manager',
  'Analyst',
  'Director of Sales',
  'Consultant',
  'Engineer',
];
const ROLES = ['CHAMPION', 'DECISION_MAKER', 'END_USER', 'INFLUENCER', 'BUDGET_HOLDER', ''];
const SUBJECTS = [
  'Quarterly review',
  'Question about reporting',
  'Invoice',
  'Renewal discussion',
  'Special offer: 20% off',
  'Training webinar',
  'Too expensive?',
  'Feature request',
];

export function generateBundle(rand: () => number, index: number, now: number): HubSpotBundle {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const iso = (at: number) => new Date(at).toISOString();
  const ago = (days: number) => now - days * DAY - Math.floor(rand() * DAY);
  const companyId = String(1000 + index);
  const created = ago(between(60, 1500));
  let nextId = index * 1000;
  const obj = (
    properties: Record<string, string | null>,
    createdAt = created,
    history?: HubSpotBundle['company']['propertiesWithHistory'],
  ) => ({
    id: String(++nextId),
    properties,
    ...(history ? { propertiesWithHistory: history } : {}),
    createdAt: iso(createdAt),
    updatedAt: iso(now - DAY),
    archived: false,
  });
  const hist = (values: [string, number][]) =>
    values.map(([value, at]) => ({ value, timestamp: iso(at), sourceType: 'CRM_UI' }));

  const contacts = Array.from({ length: between(1, 12) }, (_, i) => {
    const title = pick(TITLES);
    const titleChanged = rand() < 0.08;
    return obj(
      {
        firstname: `First${i}`,
        lastname: `Last${index}`,
        email: rand() < 0.9 ? `p${i}@company${index}.com` : `p${i}@agency${index}.io`,
        jobtitle: title,
        hs_buying_role: pick(ROLES),
        createdate: iso(ago(between(1, 900))),
        hs_sales_email_last_replied: rand() < 0.7 ? iso(ago(between(1, 120))) : null,
        hs_email_last_open_date: iso(ago(between(1, 60))),
        hs_email_optout: 'false',
      },
      ago(between(1, 900)),
      titleChanged
        ? {
            jobtitle: hist([
              ['Manager', ago(400)],
              [title, ago(between(1, 80))],
            ]),
          }
        : undefined,
    );
  });
  const deals = Array.from({ length: between(0, 6) }, (_, i) => {
    const amount = between(5, 200) * 1000;
    const won = rand() < 0.6;
    return obj(
      {
        dealname: i === 0 && rand() < 0.3 ? `Renewal ${index}` : `Deal ${index}-${i}`,
        amount: String(amount),
        dealstage: won ? 'closedwon' : rand() < 0.5 ? 'closedlost' : 'contractsent',
        closedate: iso(ago(between(-60, 700))),
        hs_is_closed_won: String(won),
        closed_lost_reason: rand() < 0.2 ? 'Went with a competitor, too expensive' : null,
      },
      ago(between(30, 900)),
      rand() < 0.2
        ? {
            amount: hist([
              [String(amount * 1.4), ago(200)],
              [String(amount), ago(between(1, 120))],
            ]),
          }
        : undefined,
    );
  });
  const tickets = Array.from({ length: between(0, 8) }, () => {
    const closed = rand() < 0.7;
    return obj({
      subject: pick(['Cannot log in', 'Export broken', 'Complaint about support', 'How do I?']),
      content: 'Details of the problem',
      hs_ticket_priority: pick(['LOW', 'MEDIUM', 'HIGH', 'URGENT']),
      hs_pipeline: '0',
      hs_pipeline_stage: closed ? '4' : '1',
      createdate: iso(ago(between(1, 300))),
      closed_date: closed ? iso(ago(between(0, 30))) : null,
    });
  });
  const engagementCount = between(5, 60);
  const emails = [];
  const calls = [];
  const meetings = [];
  const notes = [];
  for (let i = 0; i < engagementCount; i++) {
    const at = iso(ago(between(0, 200)));
    const kind = rand();
    if (kind < 0.5) {
      emails.push(
        obj({
          hs_timestamp: at,
          hs_email_direction: rand() < 0.4 ? 'INCOMING_EMAIL' : 'EMAIL',
          hs_email_subject: pick(SUBJECTS),
          hs_email_text: 'Hello, following up.',
        }),
      );
    } else if (kind < 0.75) {
      calls.push(
        obj({
          hs_timestamp: at,
          hs_call_direction: rand() < 0.3 ? 'INBOUND' : 'OUTBOUND',
          hs_call_status: 'COMPLETED',
          hs_call_title: 'Call',
          hs_call_body: 'Discussed the account',
        }),
      );
    } else if (kind < 0.9) {
      meetings.push(
        obj({
          hs_timestamp: at,
          hs_meeting_start_time: at,
          hs_meeting_title: pick(SUBJECTS),
          hs_meeting_outcome: 'COMPLETED',
        }),
      );
    } else {
      notes.push(obj({ hs_timestamp: at, hs_note_body: '<p>Customer mentioned the budget review</p>' }));
    }
  }
  const tasks = Array.from({ length: between(0, 4) }, () =>
    obj({
      hs_task_subject: 'Follow up',
      hs_task_status: rand() < 0.5 ? 'COMPLETED' : 'NOT_STARTED',
      hs_timestamp: iso(ago(between(-10, 40))),
      hubspot_owner_id: '11',
    }),
  );
  const feedbackSubmissions = Array.from({ length: between(0, 3) }, () =>
    obj({
      hs_survey_type: rand() < 0.7 ? 'NPS' : 'CSAT',
      hs_value: String(between(0, 10)),
      hs_submission_timestamp: iso(ago(between(1, 300))),
    }),
  );
  const employees = between(10, 5000);
  const company = {
    ...obj(
      {
        name: `Company ${index}`,
        domain: `company${index}.com`,
        hubspot_owner_id: pick(['11', '12', '13']),
        numberofemployees: String(employees),
        lifecyclestage: 'customer',
        createdate: iso(created),
        churn_renewal_date: rand() < 0.5 ? iso(ago(between(-200, 30))).slice(0, 10) : null,
        churn_seats_purchased: rand() < 0.5 ? String(between(10, 100)) : null,
        churn_seats_active: rand() < 0.5 ? String(between(1, 100)) : null,
      },
      created,
      {
        numberofemployees: hist([
          [String(Math.round(employees * (rand() < 0.1 ? 1.5 : 1))), ago(300)],
          [String(employees), ago(between(1, 200))],
        ]),
        churn_risk_score: hist([[String(between(0, 100)), ago(45)]]),
      },
    ),
    id: companyId,
  };
  return {
    portalId: 4242,
    company,
    contacts,
    deals,
    tickets,
    emails,
    calls,
    meetings,
    notes,
    tasks,
    feedbackSubmissions,
    owners: ['11', '12', '13'].map((id) => ({
      id,
      type: 'PERSON' as const,
      email: `owner${id}@vendor.example`,
      firstName: 'Owner',
      lastName: id,
      archived: id === '13',
      createdAt: iso(created),
      updatedAt: iso(created),
    })),
    events: [],
  };
}
