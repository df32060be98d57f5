import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SIGNAL_IDS } from '../../src/core/signal.ts';
import { resolveConfig } from '../../src/core/tenant-config.ts';
import { settingsBody } from '../../src/http/settings-body.ts';
import { SIGNALS } from '../../src/signals/index.ts';
import { install, signedFetch, startServer, type TestServer } from './server.ts';

const PORTAL_A = 101;
const PORTAL_B = 202;
const NOT_INSTALLED = 303;
const settingsPath = (portalId: number, extra = '') =>
  `/settings/hubspot?userId=81234567&userEmail=ana.lopez%40example.com&appId=5123456&portalId=${portalId}${extra}`;
const DEFAULTS = settingsBody({}, resolveConfig({}, SIGNALS)).effective;

const SAVED = {
  signals: { gone_silent: { enabled: false }, low_nps: { weight: 12, thresholds: {} } },
  levels: { medium: 20, high: 40, critical: 60 },
  csLeadOwnerId: '7788',
  quietMonths: [7, 8],
  competitors: ['Globex'],
  mappings: { renewalDate: 'contract_end' },
};

const put = (server: TestServer, portalId: number, body: unknown, extra = {}) =>
  signedFetch(server, settingsPath(portalId), { method: 'PUT', body: JSON.stringify(body), ...extra });
const get = (server: TestServer, portalId: number) => signedFetch(server, settingsPath(portalId), { method: 'GET' });

describe('/settings/hubspot', () => {
  let server: TestServer;
  let rescored: number[];

  // The settings routes call no CRM: any connection but the test server's fails the request.
  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  });
  afterAll(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });
  beforeEach(async () => {
    rescored = [];
    server = await startServer({ rescorePortal: (portalId) => void rescored.push(portalId) });
    await install(server.store, PORTAL_A);
    await install(server.store, PORTAL_B);
  });
  afterEach(async () => server.close());

  it('GET gives an unsaved portal {} with the product defaults in effect and the signal catalog', async () => {
    const res = await get(server, PORTAL_A);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as Record<string, unknown> & { signals: { id: string }[] };
    expect(body.settings).toEqual({});
    expect(body.effective).toEqual(JSON.parse(JSON.stringify(DEFAULTS)));
    expect(body.effective).toMatchObject({
      levels: { medium: 25, high: 50, critical: 75 },
      csLeadOwnerId: null,
      quietMonths: [],
      competitors: [],
    });
    expect(body.signals.map((s) => s.id)).toEqual([...SIGNALS.map((s) => s.id)]);
    expect([...body.signals.map((s) => s.id)].sort()).toEqual([...SIGNAL_IDS].sort());
    const lowNps = SIGNALS.find((s) => s.id === 'low_nps');
    expect(body.signals.find((s) => s.id === 'low_nps')).toEqual({
      id: 'low_nps',
      title: lowNps?.title,
      description: lowNps?.description,
      defaultWeight: lowNps?.defaultWeight,
      thresholds: JSON.parse(JSON.stringify(lowNps?.thresholds.parse({}))),
    });
  });

  it('PUT validates, saves, answers the saved and effective settings, and re-scores the portal', async () => {
    const res = await put(server, PORTAL_A, SAVED);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { settings: unknown; effective: Record<string, unknown> };
    expect(body.settings).toEqual(SAVED);
    expect(body.effective).toEqual(
      JSON.parse(JSON.stringify(settingsBody(SAVED, resolveConfig(SAVED, SIGNALS)).effective)),
    );
    expect(body.effective).toMatchObject({
      levels: SAVED.levels,
      csLeadOwnerId: '7788',
      quietMonths: [7, 8],
      competitors: ['Globex'],
      mappings: { renewalDate: 'contract_end' },
      signals: { gone_silent: { enabled: false }, low_nps: { enabled: true, weight: 12 } },
    });
    expect(await server.store.getTenantSettings(PORTAL_A)).toEqual(SAVED);
    expect(rescored).toEqual([PORTAL_A]);

    const again = (await (await get(server, PORTAL_A)).json()) as { settings: unknown; effective: unknown };
    expect(again.settings).toEqual(SAVED);
    expect(again.effective).toEqual(body.effective);
  });

  it('PUT accepts the effective settings it answered as a document (round trip)', async () => {
    const { effective } = (await (await get(server, PORTAL_A)).json()) as { effective: unknown };
    const res = await put(server, PORTAL_A, effective);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { effective: unknown }).effective).toEqual(effective);
  });

  it('PUT refuses an invalid document with 400 listing each field issue, and saves nothing', async () => {
    await put(server, PORTAL_A, SAVED);
    const res = await put(server, PORTAL_A, {
      signals: { low_nps: { wieght: 3 }, gone_silent: { weight: 140 } },
      levels: { medium: 60, high: 50, critical: 75 },
      quietMonths: [13],
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; issues: { path: string; message: string }[] };
    expect(body.error).toBe('invalid_request');
    const paths = body.issues.map((issue) => issue.path);
    expect(paths).toEqual(
      expect.arrayContaining(['signals.low_nps', 'signals.gone_silent.weight', 'levels', 'quietMonths[0]']),
    );
    expect(JSON.stringify(body.issues)).toContain('wieght');
    expect(await server.store.getTenantSettings(PORTAL_A)).toEqual(SAVED);
    expect(rescored).toEqual([PORTAL_A]); // the first, valid save only
  });

  it.each([
    ['not JSON', '{"levels":', 'invalid_json'],
    ['a JSON array', '[]', 'invalid_request'],
    ['JSON null', 'null', 'invalid_request'],
  ])('PUT refuses a body that is %s with 400', async (_name, raw, code) => {
    const res = await signedFetch(server, settingsPath(PORTAL_A), { method: 'PUT', body: raw });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: code });
    expect(await server.store.getTenantSettings(PORTAL_A)).toBeNull();
  });

  it("never shows or changes portal B's settings through a request signed for portal A", async () => {
    await server.store.saveTenantSettings(PORTAL_B, { competitors: ['Hooli'] }, 1);
    const read = (await (await get(server, PORTAL_A)).json()) as { settings: unknown };
    expect(read.settings).toEqual({});
    expect(JSON.stringify(read)).not.toContain('Hooli');

    await put(server, PORTAL_A, SAVED);
    expect(await server.store.getTenantSettings(PORTAL_B)).toEqual({ competitors: ['Hooli'] });

    // Signed for A, sent for B: the query is part of the signature.
    const tampered = await put(server, PORTAL_B, { competitors: ['Evil'] }, { signedPath: settingsPath(PORTAL_A) });
    expect(tampered.status).toBe(401);
    const tamperedGet = await signedFetch(server, settingsPath(PORTAL_B), {
      method: 'GET',
      signedPath: settingsPath(PORTAL_A),
    });
    expect(tamperedGet.status).toBe(401);
    // A second, different portalId in a signed query is refused, not guessed at.
    const twice = await signedFetch(server, settingsPath(PORTAL_A, `&portalId=${PORTAL_B}`), { method: 'GET' });
    expect(twice.status).toBe(400);
    expect(await server.store.getTenantSettings(PORTAL_B)).toEqual({ competitors: ['Hooli'] });
    expect(rescored).toEqual([PORTAL_A]);
  });

  it('refuses with 401 a body changed after signing, and an unsigned request', async () => {
    const changed = await signedFetch(server, settingsPath(PORTAL_A), {
      method: 'PUT',
      body: JSON.stringify({ competitors: ['Globex'] }),
      sentBody: JSON.stringify({ competitors: ['Evil'] }),
    });
    expect(changed.status).toBe(401);
    expect((await fetch(server.base + settingsPath(PORTAL_A))).status).toBe(401);
    const unsignedPut = await fetch(server.base + settingsPath(PORTAL_A), { method: 'PUT', body: '{}' });
    expect(unsignedPut.status).toBe(401);
    expect(await server.store.getTenantSettings(PORTAL_A)).toBeNull();
  });

  it('refuses with 403 a portal the app is not installed for, and with 400 a request without portalId', async () => {
    expect((await get(server, NOT_INSTALLED)).status).toBe(403);
    expect((await put(server, NOT_INSTALLED, {})).status).toBe(403);
    expect(await server.store.getTenantSettings(NOT_INSTALLED)).toBeNull();
    const res = await signedFetch(server, '/settings/hubspot?userId=1', { method: 'GET' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ message: expect.stringContaining('portalId is missing') });
  });

  it('GET shows the defaults in effect, with an error log, when the stored document no longer validates', async () => {
    await server.store.saveTenantSettings(PORTAL_A, { levels: { medium: 90 }, retired: true }, 1);
    const res = await get(server, PORTAL_A);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { settings: unknown; effective: unknown };
    expect(body.settings).toEqual({ levels: { medium: 90 }, retired: true });
    expect(body.effective).toEqual(JSON.parse(JSON.stringify(DEFAULTS)));
    expect(server.logs).toContainEqual(expect.objectContaining({ level: 50, portalId: PORTAL_A }));
  });

  it('still saves and answers 200 when starting the re-score throws', async () => {
    await server.close();
    server = await startServer({
      rescorePortal: () => {
        throw new Error('queue full');
      },
    });
    await install(server.store, PORTAL_A);
    const res = await put(server, PORTAL_A, SAVED);
    expect(res.status).toBe(200);
    expect(await server.store.getTenantSettings(PORTAL_A)).toEqual(SAVED);
    expect(server.logs).toContainEqual(expect.objectContaining({ level: 50, portalId: PORTAL_A }));
  });
});
