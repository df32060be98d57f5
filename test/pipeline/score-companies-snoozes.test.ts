import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { HubSpotBundle } from '../../src/adapters/hubspot/bundle.ts';
import type { Assessment } from '../../src/core/assessment.ts';
import { defineSignal, type SignalId } from '../../src/core/signal.ts';
import { resolveConfig } from '../../src/core/tenant-config.ts';
import { createLogger } from '../../src/log/create-logger.ts';
import type { PipelineDeps } from '../../src/pipeline/pipeline-deps.ts';
import { scoreCompanies } from '../../src/pipeline/score-companies.ts';
import { openSqliteStore } from '../../src/store/sqlite/open-sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';

const NOW = Date.parse('2026-11-15T12:00:00Z');
const DAY = 86_400_000;
const PORTAL = 101;
const iso = (at: number) => new Date(at).toISOString();

/** A signal that always fires at full strength, so only the snooze decides whether it is in the assessment. */
const always = (id: SignalId, weight: number) =>
  defineSignal({
    id,
    title: `Title of ${id}`,
    description: 'test signal',
    source: { refs: ['test'], quote: 'test' },
    defaultWeight: weight,
    thresholds: z.object({}),
    quietInOffSeason: false,
    playbook: ['step'],
    evaluate: () => ({ strength: 1, headline: `${id} fired`, evidence: [] }),
  });
const config = resolveConfig({}, [always('champion_departed', 40), always('gone_silent', 20)]);

function bundleFor(companyId: string): HubSpotBundle {
  const record = { id: companyId, properties: { name: `Company ${companyId}` }, createdAt: iso(NOW - 400 * DAY) };
  return {
    portalId: PORTAL,
    company: { ...record, updatedAt: iso(NOW), archived: false },
    contacts: [],
    deals: [],
    tickets: [],
    emails: [],
    calls: [],
    meetings: [],
    notes: [],
    tasks: [],
    feedbackSubmissions: [],
    owners: [],
    events: [],
  };
}

let store: Store;
let written: Map<string, Assessment>;

function deps(): PipelineDeps {
  return {
    store,
    logger: createLogger({ destination: new Writable({ write: (_c, _e, done) => done() }) }),
    now: () => NOW,
    reader: {
      companiesForEvents: async () => new Map(),
      loadBundles: async (_portalId, requests) => new Map(requests.map((r) => [r.companyId, bundleFor(r.companyId)])),
      listCompanyIds: async () => ({ ids: [], after: null }),
      sweepCandidates: async () => [],
    },
    writer: {
      async writeAssessments(_portalId, items) {
        for (const item of items) written.set(item.companyId, item.assessment);
        return { propertiesUpdated: items.length, companiesUnchanged: 0, tasksCreated: 0, tasksSkipped: 0 };
      },
    },
    configFor: async () => config,
  };
}

beforeEach(async () => {
  store = await openSqliteStore({ path: ':memory:', encryptionKey: Buffer.alloc(32, 1) });
  written = new Map();
});
afterEach(async () => store.close());

describe('scoreCompanies with snoozes', () => {
  it("leaves a snoozed signal out of that company's written assessment only, until the snooze ends", async () => {
    const snooze = { portalId: PORTAL, signalId: 'champion_departed', by: '7', at: NOW - DAY };
    await store.snooze({ ...snooze, companyId: '1', until: NOW + 29 * DAY });
    await store.snooze({ ...snooze, companyId: '2', until: NOW }); // ended just now
    await store.snooze({ ...snooze, portalId: 202, companyId: '3', until: NOW + DAY }); // another portal's company 3

    await scoreCompanies(
      deps(),
      PORTAL,
      new Map([
        ['1', []],
        ['2', []],
        ['3', []],
      ]),
    );

    const reasons = (companyId: string) => written.get(companyId)?.reasons.map((r) => r.id);
    expect(reasons('1')).toEqual(['gone_silent']);
    expect(written.get('1')?.score).toBe(20);
    expect(written.get('1')?.tasks.map((t) => t.signalId)).not.toContain('champion_departed');
    expect(reasons('2')).toEqual(['champion_departed', 'gone_silent']);
    expect(reasons('3')).toEqual(['champion_departed', 'gone_silent']);
    expect(written.get('3')?.score).toBe(60);
  });

  it('ignores a stored snooze of a signal id the engine does not know', async () => {
    await store.snooze({ portalId: PORTAL, companyId: '1', signalId: 'retired', until: NOW + DAY, by: null, at: NOW });
    await scoreCompanies(deps(), PORTAL, new Map([['1', []]]));
    expect(written.get('1')?.reasons.map((r) => r.id)).toEqual(['champion_departed', 'gone_silent']);
  });
});
