import type { HubSpotBundle } from '../../src/adapters/hubspot/bundle.ts';
import { DAY } from '../../src/core/time.ts';
import { seededRandom } from '../../src/sandbox/platform/seeded-random.ts';

/** The benchmark's seeded random source (the sandbox's, so data repeats exactly for a seed). */
export const mulberry32 = seededRandom;

/** Deterministic, varied HubSpot account bundles for the engine benchmark (a seed in, the same bundles out). */

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
  'Training webinar',
  'Feature request',
  'Re: next steps',
  'Weekly sync',
];
const RISKY_SUBJECTS = [
  'Special offer: 20% off',
  'Too expensive?',
  'Looking at RivalSoft',
  'Complaint about the outage',
];

export function generateBundle(rand: () => number, index: number, now: number): HubSpotBundle {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  // Most of a real portfolio is healthy: about 30% of accounts carry risk, so risky data is 6× likelier there.
  const risk = rand() < 0.3 ? 0.6 : 0.1;
  const chance = (p: number) => rand() < p * risk * 2;
  const subject = () => (chance(0.1) ? pick(RISKY_SUBJECTS) : pick(SUBJECTS));
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
    const titleChanged = chance(0.08);
    return obj(
      {
        firstname: `First${i}`,
        lastname: `Last${index}`,
        email: chance(0.1) ? `p${i}@agency${index}.io` : `p${i}@company${index}.com`,
        jobtitle: title,
        hs_buying_role: pick(ROLES),
        createdate: iso(ago(chance(0.1) ? between(1, 60) : between(200, 900))),
        hs_sales_email_last_replied: chance(0.3) ? null : iso(ago(chance(0.3) ? between(30, 120) : between(1, 25))),
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
  const baseAmount = between(5, 200) * 1000;
  const deals = Array.from({ length: between(0, 6) }, (_, i) => {
    // Contracts grow over time unless the account is cutting back.
    const amount = Math.round(baseAmount * (chance(0.3) ? 0.6 : 1 + 0.1 * i));
    const won = !chance(0.3);
    return obj(
      {
        dealname: i === 0 && rand() < 0.3 ? `Renewal ${index}` : `Deal ${index}-${i}`,
        amount: String(amount),
        dealstage: won ? 'closedwon' : chance(0.5) ? 'closedlost' : 'contractsent',
        closedate: iso(ago(between(-60, 700))),
        hs_is_closed_won: String(won),
        closed_lost_reason: won || !chance(0.3) ? null : 'Went with a competitor, too expensive',
      },
      ago(between(30, 900)),
      chance(0.15)
        ? {
            amount: hist([
              [String(amount * 1.4), ago(200)],
              [String(amount), ago(between(1, 120))],
            ]),
          }
        : undefined,
    );
  });
  const tickets = Array.from({ length: between(0, risk > 0.5 ? 8 : 3) }, () => {
    const closed = !chance(0.2);
    return obj({
      subject: chance(0.2) ? 'Complaint about support' : pick(['Cannot log in', 'Export broken', 'How do I?']),
      content: 'Details of the problem',
      hs_ticket_priority: pick(['LOW', 'MEDIUM', 'HIGH', 'URGENT']),
      hs_pipeline: '0',
      hs_pipeline_stage: closed ? '4' : '1',
      createdate: iso(ago(closed ? between(20, 300) : between(1, 40))),
      closed_date: closed ? iso(ago(between(0, 19))) : null,
    });
  });
  const engagementCount = between(5, 60);
  const silentDays = chance(0.15) ? between(40, 120) : 0;
  const emails = [];
  const calls = [];
  const meetings = [];
  const notes = [];
  for (let i = 0; i < engagementCount; i++) {
    const at = iso(ago(between(silentDays, 200)));
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
          hs_meeting_title: subject(),
          hs_meeting_outcome: 'COMPLETED',
        }),
      );
    } else {
      notes.push(
        obj({
          hs_timestamp: at,
          hs_note_body: chance(0.2)
            ? '<p>Customer mentioned the budget review</p>'
            : '<p>Good call, they are happy with the rollout</p>',
        }),
      );
    }
  }
  const tasks = Array.from({ length: between(0, 4) }, () =>
    obj({
      hs_task_subject: 'Follow up',
      hs_task_status: chance(0.4) ? 'NOT_STARTED' : 'COMPLETED',
      hs_timestamp: iso(ago(between(-10, 40))),
      hubspot_owner_id: '11',
    }),
  );
  const feedbackSubmissions = Array.from({ length: between(0, 3) }, () =>
    obj({
      hs_survey_type: rand() < 0.7 ? 'NPS' : 'CSAT',
      hs_value: String(chance(0.3) ? between(0, 6) : between(7, 10)),
      hs_submission_timestamp: iso(ago(between(1, 300))),
    }),
  );
  const employees = between(10, 5000);
  const company = {
    ...obj(
      {
        name: `Company ${index}`,
        domain: `company${index}.com`,
        hubspot_owner_id: chance(0.1) ? '13' : pick(['11', '12']),
        numberofemployees: String(employees),
        lifecyclestage: 'customer',
        createdate: iso(created),
        churn_renewal_date:
          rand() < 0.5 ? iso(ago(chance(0.3) ? between(-80, 20) : between(-300, -100))).slice(0, 10) : null,
        churn_seats_purchased: rand() < 0.5 ? String(between(10, 100)) : null,
        churn_seats_active: rand() < 0.5 ? String(chance(0.3) ? between(1, 9) : between(10, 100)) : null,
        churn_onboarding_completed_at: chance(0.2) ? null : iso(created + 30 * DAY),
        churn_last_training_at: chance(0.3) ? null : iso(ago(between(1, 80))),
      },
      created,
      {
        numberofemployees: hist([
          [String(Math.round(employees * (chance(0.1) ? 1.5 : 1))), ago(300)],
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
