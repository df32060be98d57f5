import type { HubSpotObject } from '../../adapters/hubspot/bundle.ts';
import { CONNECTED_DISPOSITION } from '../../adapters/hubspot/map-engagements.ts';
import { createRandom, type Random } from './create-random.ts';
import type { DemoPortalSeed, TimelineStep } from './demo-seed.ts';
import { BAD_NPS_COMMENTS, SURGE_TICKETS } from './demo-texts.ts';
import { planPortfolio, type TimelineRole } from './plan-portfolio.ts';
import { newRecord, type PortalLookup, portalLookup } from './portal-lookup.ts';

export interface DemoTimelineOptions {
  /** The seed the portal was generated from. */
  seed: number;
  portal: DemoPortalSeed;
  /** When the timeline starts playing (epoch ms): the times in created records. Default: the portal's latest change. */
  start?: number;
}

const SECOND = 1000;
const USD = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });

interface Scene {
  look: PortalLookup;
  r: Random;
  start: number;
  company: HubSpotObject;
}

/**
 * The scripted demo, about 90 seconds: on four healthy accounts a champion leaves, an NPS of 3 arrives (and the call
 * back says why), tickets surge and a renewal is cut by 40%, so each climbs the ranking into "at risk". Deterministic
 * for a seed and portal; throws when the portal was not generated from this seed.
 */
export function demoTimeline({ seed, portal, start }: DemoTimelineOptions): TimelineStep[] {
  const look = portalLookup(portal);
  const r = createRandom(seed).fork('timeline');
  const plans = planPortfolio(seed);
  const names = (portal.objects.companies ?? []).map((c) => c.properties.name).join('|');
  if (names !== plans.map((p) => p.profile.name).join('|')) {
    throw new Error(`the portal was not generated from seed ${seed}: its companies are not that seed's`);
  }
  const scene = (role: TimelineRole): Scene => {
    const plan = plans.find((p) => p.role === role);
    const company = plan && look.companyNamed(plan.profile.name);
    if (!company) throw new Error(`the portal has no company for ${role}`);
    return { look, r, start: start ?? look.latestChange(), company };
  };
  return [
    ...championLeaves(scene('champion_leaves')),
    ...npsDrop(scene('nps_drop')),
    ...ticketSurge(scene('ticket_surge')),
    ...renewalCut(scene('renewal_cut')),
  ];
}

function championLeaves({ look, company }: Scene): TimelineStep[] {
  const champion = look.associated(company.id, 'contacts').find((c) => c.properties.hs_buying_role === 'CHAMPION');
  if (!champion) throw new Error(`${name(company)} has no champion in the portal`);
  return [
    {
      atMs: 8 * SECOND,
      description: `${name(company)}: champion ${person(champion)} (${champion.properties.jobtitle}) left the company`,
      change: { op: 'dissociate', fromType: 'contacts', fromId: champion.id, toType: 'companies', toId: company.id },
    },
  ];
}

function npsDrop({ look, r, start, company }: Scene): TimelineStep[] {
  const people = look.associated(company.id, 'contacts');
  const who = people.find((c) => c.properties.hs_feedback_last_nps_rating != null) ?? people[0];
  if (!who) throw new Error(`${name(company)} has no contacts in the portal`);
  const answeredAt = start + 22 * SECOND;
  const comment = r.pick(BAD_NPS_COMMENTS);
  const links = [
    { toType: 'companies', toId: company.id },
    { toType: 'contacts', toId: who.id },
  ] as const;
  const calledAt = start + 34 * SECOND;
  const owner = company.properties.hubspot_owner_id ?? null;
  const why = `${who.properties.firstname} says the renewal feels too expensive for what they use and is looking at a cheaper tool.`;
  return [
    {
      atMs: 22 * SECOND,
      description: `${name(company)}: ${person(who)} answered the NPS survey with 3: "${comment}"`,
      change: {
        op: 'create',
        objectType: 'feedback_submissions',
        object: newRecord(look.nextId('feedback_submissions'), answeredAt, {
          hs_survey_type: 'NPS',
          hs_survey_name: 'FlowPilot customer NPS',
          hs_survey_channel: 'EMAIL',
          hs_value: '3',
          hs_response_group: 'DETRACTOR',
          hs_submission_timestamp: iso(answeredAt),
          hs_contact_id: who.id,
          hs_contact_email_rollup: who.properties.email ?? null,
          hs_content: comment,
        }),
        associations: [...links],
      },
    },
    {
      atMs: 23 * SECOND,
      description: `${name(company)}: the survey stores the answer on ${person(who)}'s contact`,
      change: {
        op: 'update',
        objectType: 'contacts',
        id: who.id,
        properties: { hs_feedback_last_nps_rating: '3', hs_feedback_last_survey_date: iso(answeredAt) },
      },
    },
    {
      atMs: 34 * SECOND,
      description: `${name(company)}: the account manager called ${person(who)} back: "${why}"`,
      change: {
        op: 'create',
        objectType: 'calls',
        object: newRecord(look.nextId('calls'), calledAt, {
          hs_timestamp: iso(calledAt),
          hs_call_title: `Call with ${who.properties.firstname}: NPS follow-up`,
          hs_call_body: `<p>${why}</p>`,
          hs_call_direction: 'OUTBOUND',
          hs_call_status: 'COMPLETED',
          hs_call_disposition: CONNECTED_DISPOSITION,
          hs_call_duration: '720000',
          hubspot_owner_id: owner,
        }),
        associations: [...links],
      },
    },
  ];
}

/** Five new tickets at one account within a minute. */
function ticketSurge({ look, r, start, company }: Scene): TimelineStep[] {
  const requester = look.associated(company.id, 'contacts')[0];
  return r
    .shuffle(SURGE_TICKETS)
    .slice(0, 5)
    .map(([subject, content, priority], i): TimelineStep => {
      const atMs = (42 + 8 * i) * SECOND;
      const ticket = newRecord(look.nextId('tickets'), start + atMs, {
        subject,
        content,
        hs_pipeline: '0',
        hs_pipeline_stage: '1',
        hs_ticket_priority: priority,
        hs_ticket_category: 'PRODUCT_ISSUE',
        source_type: 'EMAIL',
        hs_is_closed: 'false',
        hubspot_owner_id: company.properties.hubspot_owner_id ?? null,
      });
      ticket.propertiesWithHistory = {
        hs_pipeline_stage: [{ value: '1', timestamp: ticket.createdAt, sourceType: 'EMAIL' }],
      };
      return {
        atMs,
        description: `${name(company)}: new ${priority} ticket "${subject}" (${i + 1} of 5 within a minute)`,
        change: {
          op: 'create',
          objectType: 'tickets',
          object: ticket,
          associations: [
            { toType: 'companies', toId: company.id },
            ...(requester ? [{ toType: 'contacts' as const, toId: requester.id }] : []),
          ],
        },
      };
    });
}

function renewalCut({ look, company }: Scene): TimelineStep[] {
  const renewal = look
    .associated(company.id, 'deals')
    .find((d) => d.properties.dealtype === 'renewal' && d.properties.hs_is_closed !== 'true');
  if (!renewal) throw new Error(`${name(company)} has no open renewal deal in the portal`);
  const before = Number(renewal.properties.amount);
  const after = Math.floor((before * 0.6) / 100) * 100;
  return [
    {
      atMs: 88 * SECOND,
      description: `${name(company)}: renewal "${renewal.properties.dealname}" cut from ${USD.format(before)} to ${USD.format(after)}`,
      change: { op: 'update', objectType: 'deals', id: renewal.id, properties: { amount: String(after) } },
    },
  ];
}

const iso = (at: number) => new Date(at).toISOString();
const name = (company: HubSpotObject) => company.properties.name ?? `company ${company.id}`;
const person = (contact: HubSpotObject) => `${contact.properties.firstname} ${contact.properties.lastname}`;
