import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DAY } from '../../src/core/time.ts';
import type { AppDeps } from '../../src/http/app-deps.ts';
import { install, signedFetch, startServer, T0, type TestServer } from './server.ts';

const PORTAL_A = 101;
const PORTAL_B = 202;
const NOT_INSTALLED = 303;
const CARD = '/cards/hubspot/company-risk';

const actionPath = (action: 'snooze' | 'recalculate', portalId: number, companyId: string, extra = '') =>
  `${CARD}/${action}?userId=81234567&userEmail=ana.lopez%40example.com&appId=5123456&portalId=${portalId}` +
  `&associatedObjectId=${companyId}&associatedObjectType=COMPANY${extra}`;
const cardPath = (portalId: number, companyId: string) =>
  `${CARD}?portalId=${portalId}&associatedObjectId=${companyId}&associatedObjectType=COMPANY`;

const snooze = (server: TestServer, portalId: number, companyId: string, body: unknown = { signalId: 'low_nps' }) =>
  signedFetch(server, actionPath('snooze', portalId, companyId), { body: JSON.stringify(body) });

describe('card actions', () => {
  let server: TestServer;
  let recalculated: [number, string][];

  const start = async (over: Partial<AppDeps> = {}) => {
    server = await startServer({
      recalculate: async (portalId, companyId) => void recalculated.push([portalId, companyId]),
      ...over,
    });
    await install(server.store, PORTAL_A);
    await install(server.store, PORTAL_B);
  };

  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  });
  afterAll(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });
  beforeEach(async () => {
    recalculated = [];
    await start();
  });
  afterEach(async () => server.close());

  describe('POST /cards/hubspot/company-risk/snooze', () => {
    it('snoozes the signal for the company for 30 days, counts a false alarm and re-scores the company', async () => {
      const res = await snooze(server, PORTAL_A, '7001');
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ signalId: 'low_nps', snoozedUntil: new Date(T0 + 30 * DAY).toISOString() });
      expect(await server.store.activeSnoozes(PORTAL_A, '7001', T0)).toEqual([
        { signalId: 'low_nps', until: T0 + 30 * DAY },
      ]);
      expect(await server.store.countSnoozes(PORTAL_A)).toBe(1);
      expect(recalculated).toEqual([[PORTAL_A, '7001']]);

      const card = await signedFetch(server, cardPath(PORTAL_A, '7001'), { method: 'GET' });
      expect(await card.json()).toMatchObject({
        snoozes: [{ signalId: 'low_nps', until: new Date(T0 + 30 * DAY).toISOString() }],
      });
    });

    it.each([
      ['an unknown signal id', { signalId: 'not_a_signal' }, 'signalId'],
      ['no signal id', {}, 'signalId'],
      ['a number as signal id', { signalId: 7 }, 'signalId'],
    ])('refuses %s with 400 and stores nothing', async (_name, body, path) => {
      const res = await snooze(server, PORTAL_A, '7001', body);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'invalid_request', issues: [expect.objectContaining({ path })] });
      expect(await server.store.countSnoozes(PORTAL_A)).toBe(0);
      expect(recalculated).toEqual([]);
    });

    it('refuses a body that is not JSON with 400', async () => {
      const res = await signedFetch(server, actionPath('snooze', PORTAL_A, '7001'), { body: 'signalId=low_nps' });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'invalid_json' });
    });

    it('keeps the snooze and answers 200 when the re-score fails, with an error log', async () => {
      await server.close();
      await start({
        recalculate: async () => {
          throw new Error('HubSpot is down');
        },
      });
      const res = await snooze(server, PORTAL_A, '7001');
      expect(res.status).toBe(200);
      expect(await server.store.countSnoozes(PORTAL_A)).toBe(1);
      expect(server.logs).toContainEqual(
        expect.objectContaining({ level: 50, portalId: PORTAL_A, companyId: '7001', msg: expect.any(String) }),
      );
    });

    it("stores a snooze signed for portal A under portal A only, and never touches portal B's", async () => {
      await server.store.snooze({
        portalId: PORTAL_B,
        companyId: '9001',
        signalId: 'gone_silent',
        until: T0 + DAY,
        by: null,
        at: T0,
      });
      expect((await snooze(server, PORTAL_A, '9001')).status).toBe(200);
      expect(await server.store.activeSnoozes(PORTAL_B, '9001', T0)).toEqual([
        { signalId: 'gone_silent', until: T0 + DAY },
      ]);
      expect(await server.store.countSnoozes(PORTAL_B)).toBe(1);
      expect(await server.store.activeSnoozes(PORTAL_A, '9001', T0)).toEqual([
        { signalId: 'low_nps', until: T0 + 30 * DAY },
      ]);

      // Signed for A, sent for B: refused, nothing stored for B.
      const tampered = await signedFetch(server, actionPath('snooze', PORTAL_B, '9001'), {
        body: JSON.stringify({ signalId: 'low_nps' }),
        signedPath: actionPath('snooze', PORTAL_A, '9001'),
      });
      expect(tampered.status).toBe(401);
      expect(await server.store.countSnoozes(PORTAL_B)).toBe(1);

      // Portal A's card does not show B's snooze of the same company id.
      const card = await signedFetch(server, cardPath(PORTAL_A, '9001'), { method: 'GET' });
      expect(JSON.stringify(await card.json())).not.toContain('gone_silent');
      expect(recalculated).toEqual([[PORTAL_A, '9001']]);
    });

    it('refuses a changed body (401), an unsigned request (401) and a portal not installed (403)', async () => {
      const changed = await signedFetch(server, actionPath('snooze', PORTAL_A, '7001'), {
        body: JSON.stringify({ signalId: 'low_nps' }),
        sentBody: JSON.stringify({ signalId: 'gone_silent' }),
      });
      expect(changed.status).toBe(401);
      const unsigned = await fetch(server.base + actionPath('snooze', PORTAL_A, '7001'), {
        method: 'POST',
        body: JSON.stringify({ signalId: 'low_nps' }),
      });
      expect(unsigned.status).toBe(401);
      expect((await snooze(server, NOT_INSTALLED, '7001')).status).toBe(403);
      expect(await server.store.countSnoozes(PORTAL_A)).toBe(0);
      expect(await server.store.countSnoozes(NOT_INSTALLED)).toBe(0);
    });

    it('refuses a request without the company it is about with 400', async () => {
      const path = `${CARD}/snooze?portalId=${PORTAL_A}&associatedObjectType=COMPANY`;
      const res = await signedFetch(server, path, { body: JSON.stringify({ signalId: 'low_nps' }) });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ message: expect.stringContaining('associatedObjectId is missing') });
    });
  });

  describe('POST /cards/hubspot/company-risk/recalculate', () => {
    it('answers 202 queued and re-scores the company of the signed portal', async () => {
      const res = await signedFetch(server, actionPath('recalculate', PORTAL_A, '7001'));
      expect(res.status).toBe(202);
      expect(await res.json()).toEqual({ queued: true });
      await expect.poll(() => recalculated).toEqual([[PORTAL_A, '7001']]);
    });

    it('logs a failed re-score after answering 202', async () => {
      await server.close();
      await start({
        recalculate: async () => {
          throw new Error('HubSpot is down');
        },
      });
      const res = await signedFetch(server, actionPath('recalculate', PORTAL_A, '7001'));
      expect(res.status).toBe(202);
      await expect
        .poll(() => server.logs)
        .toContainEqual(expect.objectContaining({ level: 50, msg: 'recalculate failed', companyId: '7001' }));
    });

    it('refuses a tampered portal (401), a portal not installed (403), and answers 503 without recalculate', async () => {
      const tampered = await signedFetch(server, actionPath('recalculate', PORTAL_B, '9001'), {
        signedPath: actionPath('recalculate', PORTAL_A, '9001'),
      });
      expect(tampered.status).toBe(401);
      expect((await signedFetch(server, actionPath('recalculate', NOT_INSTALLED, '7001'))).status).toBe(403);
      expect(recalculated).toEqual([]);

      await server.close();
      await start({ recalculate: undefined });
      const res = await signedFetch(server, actionPath('recalculate', PORTAL_A, '7001'));
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ error: 'recalculate_unavailable' });
    });
  });
});
