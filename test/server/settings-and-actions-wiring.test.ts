import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type AppEnv, loadEnv } from '../../src/config/env.ts';
import { type RunningServer, startServer } from '../../src/server/start-server.ts';
import { signHubSpotRequest } from '../../src/sources/hubspot/sign-request.ts';
import { hsObject } from '../adapters/hubspot/build.ts';
import { FakeHubSpotPortal, until } from '../helpers/fake-hubspot-portal.ts';
import { takeContractViolations } from '../helpers/hubspot-contract.ts';

const PUBLIC_BASE_URL = 'https://churn.example.com';
const PORTAL = 62515;
const COMPANY = '9140000001';
const COMPANY_READS = '/crm/objects/2026-09/companies/batch/read';

let dir = '';
let server: RunningServer | undefined;

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterEach(async () => {
  await server?.stop();
  server = undefined;
  rmSync(dir, { recursive: true, force: true });
  nock.cleanAll();
  expect(takeContractViolations()).toEqual([]);
});
afterAll(() => nock.enableNetConnect());

/** A request as HubSpot's hubspot.fetch sends it, signed with the app's secret, at the server's clock. */
function extensionFetch(env: AppEnv, path: string, method: string, body = ''): Promise<Response> {
  const headers = signHubSpotRequest({
    method,
    url: PUBLIC_BASE_URL + path,
    rawBody: body,
    secret: env.HUBSPOT_CLIENT_SECRET,
    timestamp: Date.now(),
  });
  return fetch((server as RunningServer).url + path, {
    method,
    headers: { ...headers, 'content-type': 'application/json' },
    ...(method === 'GET' ? {} : { body }),
  });
}

/** The properties asked for in each batch read of the given company, in call order. */
function companyReads(fake: FakeHubSpotPortal, companyId: string): string[][] {
  return fake
    .callsTo('POST', COMPANY_READS)
    .map((call) => call.body as { inputs: { id: string }[]; properties: string[] })
    .filter((body) => body.inputs.some((input) => input.id === companyId))
    .map((body) => body.properties);
}

describe('startServer wires settings, snoozes and recalculate', () => {
  it('a saved mapping is used by the re-score it starts; snooze and recalculate re-read the company', async () => {
    const fake = new FakeHubSpotPortal({ portalId: PORTAL });
    fake.add('companies', hsObject(COMPANY, { name: 'Acme', lifecyclestage: 'customer' }));
    fake.serve();
    dir = mkdtempSync(join(tmpdir(), 'churn-wiring-'));
    const env = loadEnv({
      HUBSPOT_CLIENT_ID: 'client-id-start',
      HUBSPOT_CLIENT_SECRET: 'client-secret-start',
      HUBSPOT_APP_ID: '5123456',
      HUBSPOT_API_BASE_URL: 'https://api.hubspot.test',
      HUBSPOT_AUTH_BASE_URL: 'https://app.hubspot.test',
      PUBLIC_BASE_URL,
      PORT: '0',
      ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64'),
      LOG_LEVEL: 'silent',
      DATABASE_URL: join(dir, 'churn.sqlite'),
      JOURNAL_CATCH_UP_MINUTES: '0', // the fake portal has no Webhooks Journal
    });
    server = await startServer(env, { pollMs: 20 });
    const installUrl = await fetch(`${server.url}/oauth/hubspot/install`, { redirect: 'manual' });
    const state = new URL(installUrl.headers.get('location') ?? '').searchParams.get('state');
    expect((await fetch(`${server.url}/oauth/hubspot/callback?code=c&state=${state}`)).status).toBe(200);
    await until('the install backfill', () => companyReads(fake, COMPANY).length === 1 || null);
    expect(companyReads(fake, COMPANY)[0]).toContain('churn_renewal_date');

    const settingsPath = `/settings/hubspot?userId=1&portalId=${PORTAL}`;
    const saved = { mappings: { renewalDate: 'contract_end' } };
    const put = await extensionFetch(env, settingsPath, 'PUT', JSON.stringify(saved));
    expect(put.status).toBe(200);
    await until('the re-score after the save', () => companyReads(fake, COMPANY).length === 2 || null);
    const afterSave = companyReads(fake, COMPANY)[1];
    expect(afterSave).toContain('contract_end');
    expect(afterSave).not.toContain('churn_renewal_date');
    const got = (await (await extensionFetch(env, settingsPath, 'GET')).json()) as { settings: unknown };
    expect(got.settings).toEqual(saved);

    const query = `?userId=1&portalId=${PORTAL}&associatedObjectId=${COMPANY}&associatedObjectType=COMPANY`;
    const snooze = await extensionFetch(
      env,
      `/cards/hubspot/company-risk/snooze${query}`,
      'POST',
      JSON.stringify({ signalId: 'gone_silent' }),
    );
    expect(snooze.status).toBe(200);
    expect(companyReads(fake, COMPANY)).toHaveLength(3); // awaited: re-scored before the answer
    const card = (await (await extensionFetch(env, `/cards/hubspot/company-risk${query}`, 'GET')).json()) as {
      status: string;
      snoozes: { signalId: string }[];
    };
    expect(card.status).toBe('scored');
    expect(card.snoozes.map((s) => s.signalId)).toEqual(['gone_silent']);

    const recalculate = await extensionFetch(env, `/cards/hubspot/company-risk/recalculate${query}`, 'POST');
    expect(recalculate.status).toBe(202);
    await until('the recalculation', () => companyReads(fake, COMPANY).length === 4 || null);
    expect(fake.unhandled).toEqual([]);
  }, 30_000);
});
