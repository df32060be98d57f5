import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SIGNAL_IDS, type SignalId } from '../../src/core/signal.ts';
import { runCli } from '../helpers/run-cli.ts';

const NOW = ['--now', '2026-11-15T12:00:00Z'];
const DIR = new URL('../scenarios/', import.meta.url);

/**
 * Every bundle in test/scenarios: the exact reasons it fires (sorted), the signal its story is about (null for the
 * healthy accounts) and records (type:id) that must be among that signal's evidence.
 */
const SCENARIOS: [file: string, reasons: SignalId[], target: SignalId | null, evidence: string][] = [
  ['champion-departed', ['champion_departed'], 'champion_departed', 'contact:3101101'],
  ['stakeholder-turnover', ['stakeholder_turnover'], 'stakeholder_turnover', 'contact:3102105 contact:3102106'],
  ['stakeholder-turnover-reorg', ['stakeholder_turnover'], 'stakeholder_turnover', 'contact:3122091'],
  ['single-threaded', ['single_threaded'], 'single_threaded', 'contact:3103101'],
  ['outside-access', ['outside_access'], 'outside_access', 'contact:3104104'],
  ['owner-departed', ['owner_departed'], 'owner_departed', 'owner:71430004 company:19100105000'],
  ['low-nps', ['low_nps'], 'low_nps', 'feedback_submission:1400603'],
  ['service-dissatisfaction', ['service_dissatisfaction'], 'service_dissatisfaction', 'ticket:2600007001'],
  ['gone-silent', ['gone_silent'], 'gone_silent', 'company:19100108000 email:58000801007'],
  ['inquiry-burst', ['inquiry_burst'], 'inquiry_burst', 'email:58000901012 ticket:2600009005 ticket:2600009004'],
  ['over-contacted', ['over_contacted'], 'over_contacted', 'contact:3110101 email:58001001008'],
  ['follow-up-overdue', ['follow_up_overdue'], 'follow_up_overdue', 'task:58001105002 task:58001105001'],
  ['ticket-surge', ['ticket_surge'], 'ticket_surge', 'ticket:2600012006 ticket:2600012007 ticket:2600012010'],
  ['unresolved-tickets', ['unresolved_tickets'], 'unresolved_tickets', 'ticket:2600013003 ticket:2600013004'],
  ['onboarding-stalled', ['onboarding_stalled'], 'onboarding_stalled', 'company:19100114000 deal:17200014001'],
  ['low-adoption', ['low_adoption'], 'low_adoption', 'company:19100115000'],
  ['training-gap', ['training_gap'], 'training_gap', 'company:19100116000 email:58001601005'],
  ['budget-cut', ['budget_cut'], 'budget_cut', 'deal:17200017004'],
  ['renewal-risk', ['renewal_risk'], 'renewal_risk', 'company:19100118000 deal:17200018003'],
  ['competitor-or-price', ['competitor_or_price'], 'competitor_or_price', 'email:58001901004 note:58001904001'],
  ['orders-stopped', ['orders_stopped'], 'orders_stopped', 'company:19100120000 deal:17200020007'],
  ['company-change', ['company_change'], 'company_change', 'company:19100121000'],
  [
    'critical-renewal-slipping',
    ['champion_departed', 'gone_silent', 'low_nps', 'renewal_risk', 'unresolved_tickets'],
    'renewal_risk',
    'company:19100123000 deal:17200023003',
  ],
  ['healthy-engaged-longtime', [], null, ''],
  ['healthy-new-customer', [], null, ''],
  ['healthy-small-quiet', [], null, ''],
];

const LISTS = {
  contacts: 'contact',
  deals: 'deal',
  tickets: 'ticket',
  emails: 'email',
  calls: 'call',
  meetings: 'meeting',
  notes: 'note',
  tasks: 'task',
  feedbackSubmissions: 'feedback_submission',
  owners: 'owner',
} as const;

function readBundle(file: string) {
  return JSON.parse(readFileSync(new URL(`${file}.json`, DIR), 'utf8'));
}

/** The records of a bundle as type:id, with the contacts known only from its webhook events (removed, deleted). */
function bundleRecords(file: string): Set<string> {
  const bundle = readBundle(file);
  const records = new Set([`company:${bundle.company.id}`]);
  for (const [key, type] of Object.entries(LISTS)) for (const r of bundle[key] ?? []) records.add(`${type}:${r.id}`);
  for (const e of bundle.events ?? []) {
    for (const id of [e.objectId, e.fromObjectId, e.toObjectId]) if (id != null) records.add(`contact:${id}`);
  }
  return records;
}

interface Reason {
  id: SignalId;
  points: number;
  evidence: { type: string; id: string }[];
}

describe('scenario bundles through the CLI', () => {
  it.each(SCENARIOS)('%s fires %j', (file, reasons, target, evidence) => {
    const result = runCli('assess', `test/scenarios/${file}.json`, ...NOW);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const fired = (JSON.parse(result.stdout) as { reasons: Reason[] }).reasons;
    expect(fired.map((r) => r.id).sort()).toEqual(reasons);

    const records = bundleRecords(file);
    for (const r of fired) {
      expect(r.points, r.id).toBeGreaterThan(0);
      const shown = r.evidence.map((e) => `${e.type}:${e.id}`);
      expect(shown.length, r.id).toBeGreaterThan(0);
      expect(
        shown.filter((e) => !records.has(e)),
        `${r.id} evidence not in the bundle`,
      ).toEqual([]);
      if (r.id === target) expect(shown).toEqual(expect.arrayContaining(evidence.split(' ')));
    }
  });

  it('has a scenario about every signal, at least three healthy accounts, and a row for every bundle', () => {
    for (const [file, reasons, target] of SCENARIOS) if (target) expect(reasons, file).toContain(target);
    expect(new Set(SCENARIOS.map(([, , target]) => target).filter((t) => t !== null))).toEqual(new Set(SIGNAL_IDS));
    expect(
      SCENARIOS.filter(([file, reasons]) => file.startsWith('healthy-') && reasons.length === 0).length,
    ).toBeGreaterThanOrEqual(3);
    const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));
    expect(files.map((f) => f.slice(0, -'.json'.length)).sort()).toEqual(SCENARIOS.map(([file]) => file).sort());
  });

  it('ranks every healthy account below every account that fires something', () => {
    const result = runCli('rank', 'test/scenarios', ...NOW);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    const rank = (file: string) => {
      const name: string = readBundle(file).company.properties.name;
      const line = lines.findIndex((l) => /^\s*\d+ {2}/.test(l) && l.includes(`  ${name}  `));
      expect(line, name).toBeGreaterThan(0);
      return line;
    };
    const healthy = SCENARIOS.filter(([, reasons]) => reasons.length === 0).map(([file]) => rank(file));
    const firing = SCENARIOS.filter(([, reasons]) => reasons.length > 0).map(([file]) => rank(file));
    expect(Math.min(...healthy)).toBeGreaterThan(Math.max(...firing));
  });
});
