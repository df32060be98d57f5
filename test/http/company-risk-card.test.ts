import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/core/assessment.ts';
import { DAY } from '../../src/core/time.ts';
import { takeContractViolations } from '../helpers/hubspot-contract.ts';
import { install, signedFetch, startServer, T0, type TestServer } from './server.ts';

const PORTAL_A = 101;
const PORTAL_B = 202;
const NOT_INSTALLED = 303;
const CARD = '/cards/hubspot/company-risk';

function cardPath(portalId: number, companyId: string, extra = '') {
  return (
    `${CARD}?userId=81234567&userEmail=ana.lopez%40example.com&appId=5123456&portalId=${portalId}` +
    `&associatedObjectId=${companyId}&associatedObjectType=COMPANY${extra}`
  );
}

function assessment(accountId: string, score: number): Assessment {
  return {
    crm: 'hubspot',
    tenantId: String(PORTAL_A),
    accountId,
    accountName: 'Acme',
    score,
    level: 'high',
    trend: 'rising',
    previousScore: 31,
    topReason: 'champion_departed',
    reasons: [
      {
        id: 'champion_departed',
        title: 'Champion departed',
        points: 30,
        strength: 1,
        weight: 30,
        headline: 'Jane Roe (champion) left on 2026-11-02',
        evidence: [{ type: 'contact', id: '51001', label: 'Jane Roe', facts: { leftAt: '2026-11-02' } }],
        playbook: ['Find the new decision maker', 'Book an executive sponsor call'],
      },
    ],
    summary: 'Champion departed (30 pts): Jane Roe (champion) left on 2026-11-02',
    tasks: [],
    assessedAt: new Date(T0).toISOString(),
  };
}

describe('GET /cards/hubspot/company-risk', () => {
  let server: TestServer;

  // No CRM call on this path: any connection but the test server's fails the request.
  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  });
  afterAll(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  beforeEach(async () => {
    server = await startServer();
    await install(server.store, PORTAL_A);
    await install(server.store, PORTAL_B);
    await server.store.saveAccountState(PORTAL_A, '7001', {
      assessment: assessment('7001', 42),
      score: { value: 31, at: T0 - 30 * DAY },
    });
    await server.store.saveAccountState(PORTAL_A, '7001', { score: { value: 42, at: T0 } });
    // A company that exists in portal B only, with B's assessment.
    await server.store.saveAccountState(PORTAL_B, '9001', {
      assessment: assessment('9001', 88),
      score: { value: 88, at: T0 },
    });
  });
  afterEach(async () => {
    await server.close();
    expect(takeContractViolations()).toEqual([]);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('serves the latest assessment with evidence links, playbook and score history', async () => {
    const res = await signedFetch(server, cardPath(PORTAL_A, '7001'), { method: 'GET' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: 'scored',
      companyId: '7001',
      score: 42,
      level: 'high',
      trend: 'rising',
      previousScore: 31,
      reasons: [
        {
          id: 'champion_departed',
          title: 'Champion departed',
          points: 30,
          strength: 1,
          weight: 30,
          headline: 'Jane Roe (champion) left on 2026-11-02',
          evidence: [
            {
              type: 'contact',
              id: '51001',
              label: 'Jane Roe',
              facts: { leftAt: '2026-11-02' },
              url: 'https://app.hubspot.com/contacts/101/record/0-1/51001',
            },
          ],
          playbook: ['Find the new decision maker', 'Book an executive sponsor call'],
        },
      ],
      summary: 'Champion departed (30 pts): Jane Roe (champion) left on 2026-11-02',
      scoreHistory: [
        { score: 31, at: new Date(T0 - 30 * DAY).toISOString() },
        { score: 42, at: new Date(T0).toISOString() },
      ],
      assessedAt: new Date(T0).toISOString(),
      snoozes: [],
    });
  });

  it("lists the company's active snoozes, not expired ones nor another company's", async () => {
    const snooze = { portalId: PORTAL_A, companyId: '7001', by: null, at: T0 - DAY };
    await server.store.snooze({ ...snooze, signalId: 'champion_departed', until: T0 + 29 * DAY });
    await server.store.snooze({ ...snooze, signalId: 'low_nps', until: T0 });
    await server.store.snooze({ ...snooze, companyId: '7002', signalId: 'gone_silent', until: T0 + DAY });
    await server.store.snooze({ ...snooze, portalId: PORTAL_B, signalId: 'ticket_surge', until: T0 + DAY });
    const res = await signedFetch(server, cardPath(PORTAL_A, '7001'), { method: 'GET' });
    expect(((await res.json()) as { snoozes: unknown }).snoozes).toEqual([
      { signalId: 'champion_departed', until: new Date(T0 + 29 * DAY).toISOString() },
    ]);
  });

  it('answers not_scored for a company not assessed yet', async () => {
    const res = await signedFetch(server, cardPath(PORTAL_A, '7002'), { method: 'GET' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'not_scored', companyId: '7002', score: null, reasons: [] });
  });

  it("never serves portal B's data to a request signed for portal A", async () => {
    const res = await signedFetch(server, cardPath(PORTAL_A, '9001'), { method: 'GET' });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ status: 'not_scored', score: null, scoreHistory: [] });
    expect(JSON.stringify(body)).not.toContain('88');
  });

  it('refuses with 401 a query changed after HubSpot signed it (portal A signed, portal B asked)', async () => {
    const res = await signedFetch(server, cardPath(PORTAL_B, '9001'), {
      method: 'GET',
      signedPath: cardPath(PORTAL_A, '9001'),
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: 'bad_signature' });
  });

  it('refuses with 401 an unsigned request', async () => {
    const res = await fetch(server.base + cardPath(PORTAL_B, '9001'));
    expect(res.status).toBe(401);
  });

  it('refuses with 403 a signed request for a portal the app is not installed for', async () => {
    const res = await signedFetch(server, cardPath(NOT_INSTALLED, '7001'), { method: 'GET' });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({
      error: 'not_installed',
      message: expect.stringContaining('app not installed for this portal'),
    });
  });

  it('refuses with 400 a portalId given twice with different values', async () => {
    const path = cardPath(PORTAL_A, '7001', `&portalId=${PORTAL_B}`);
    const res = await signedFetch(server, path, { method: 'GET' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ message: 'portalId is given 2 different values: send it once' });
  });

  it.each([
    ['a contact record', `${CARD}?portalId=101&associatedObjectId=51001&associatedObjectType=CONTACT`, 'COMPANY'],
    ['no record', `${CARD}?portalId=101`, 'associatedObjectType is missing'],
    ['a non-numeric company id', `${CARD}?portalId=101&associatedObjectId=abc&associatedObjectType=0-2`, 'digits'],
    ['no portal', `${CARD}?associatedObjectId=7001&associatedObjectType=COMPANY`, 'portalId is missing'],
  ])('refuses with 400 a signed request for %s', async (_name, path, reason) => {
    const res = await signedFetch(server, path, { method: 'GET' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_query', message: expect.stringContaining(reason) });
  });

  it('never logs the query (it carries the user email)', async () => {
    await signedFetch(server, cardPath(PORTAL_A, '7001'), { method: 'GET' });
    expect(server.logs).toContainEqual(expect.objectContaining({ path: CARD, portalId: PORTAL_A, scored: true }));
    expect(server.logs).toContainEqual(expect.objectContaining({ path: CARD, status: 200, msg: 'request done' }));
    expect(JSON.stringify(server.logs)).not.toContain('ana.lopez');
  });
});
