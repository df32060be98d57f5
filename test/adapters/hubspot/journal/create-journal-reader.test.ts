import type { NextFunction, Request, Response } from 'express';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appJournalReader } from '../../../../src/adapters/hubspot/journal/app-journal-reader.ts';
import type { JournalReader } from '../../../../src/adapters/hubspot/journal/create-journal-reader.ts';
import {
  downloadJournalFile,
  JournalDownloadError,
} from '../../../../src/adapters/hubspot/journal/download-journal-file.ts';
import { parseJournalFile } from '../../../../src/adapters/hubspot/journal/journal-file.ts';
import { JournalOffsetExpiredError } from '../../../../src/adapters/hubspot/journal/journal-offset-expired-error.ts';
import { TokenEndpointError } from '../../../../src/adapters/hubspot/oauth/token-endpoint.ts';
import { ValidationError } from '../../../../src/core/validation-error.ts';
import { createPlatform, type Platform } from '../../../../src/sandbox/platform/create-platform.ts';
import { JOURNAL_FILE_PATH } from '../../../../src/sandbox/platform/journal/journal-routes.ts';
import { LIFECYCLE_EVENT_TYPES } from '../../../../src/sandbox/platform/journal/subscription-request.ts';
import type { SandboxChange } from '../../../../src/sandbox/platform/sandbox-change.ts';
import { caught } from '../../../helpers/caught.ts';
import { type Served, serve } from '../../../sandbox/platform/serve.ts';

const T0 = Date.parse('2026-11-20T10:00:00.000Z');
const DAY = 24 * 60 * 60_000;
const APP = { appId: 5123456, clientId: 'cid', clientSecret: 'secret', redirectUris: ['https://x.example/cb'] };
const PORTAL = 24051987;
const OTHER_PORTAL = 555;

const companyChange = (objectId: string, value = '40'): SandboxChange => ({
  objectType: 'companies',
  objectId,
  kind: 'propertyChange',
  propertyName: 'numberofemployees',
  propertyValue: value,
  changeSource: 'CRM_UI',
  occurredAt: T0,
});

let clock: number;
let readerClock: number;
let platform: Platform;
let served: Served;
/** The token requests the sandbox received, by grant type. */
let tokenRequests: string[];
let reader: JournalReader;

function readerFor(clientSecret = APP.clientSecret): JournalReader {
  return appJournalReader({
    env: {
      HUBSPOT_API_BASE_URL: served.base,
      HUBSPOT_CLIENT_ID: APP.clientId,
      HUBSPOT_CLIENT_SECRET: clientSecret,
      HUBSPOT_APP_ID: APP.appId,
    },
    logger: pino({ level: 'silent' }),
    now: () => readerClock,
  });
}

beforeEach(async () => {
  clock = T0;
  readerClock = T0;
  tokenRequests = [];
  platform = createPlatform({ now: () => clock, apps: [APP], limits: false });
  const countTokens = (req: Request, _res: Response, next: NextFunction) => {
    if (req.method === 'POST' && req.path === '/oauth/v1/token') tokenRequests.push(req.path);
    next();
  };
  served = await serve(countTokens, ...platform.middleware);
  reader = readerFor();
  // The journal records what the app subscribed to (the app creates these: ensure-journal-subscriptions.ts).
  for (const eventTypeId of Object.values(LIFECYCLE_EVENT_TYPES)) {
    platform.journal.subscribe(APP.appId, { subscriptionType: 'APP_LIFECYCLE_EVENT', eventTypeId, properties: [] });
  }
});

/** Installs the app in the portal, subscribed to its companies' numberofemployees. */
function installSubscribed(portalId: number): void {
  platform.registry.install(portalId, APP.appId);
  platform.journal.subscribe(APP.appId, {
    subscriptionType: 'OBJECT',
    portalId,
    objectTypeId: '0-2',
    actions: ['UPDATE'],
    objectIds: [],
    properties: ['numberofemployees'],
  });
}
afterEach(() => served.close());

describe('the journal reader, against the sandbox’s Webhooks Journal', () => {
  it('says null while the portal has no entry, then the latest entry’s offset', async () => {
    expect(await reader.latest(PORTAL)).toBeNull();
    installSubscribed(PORTAL);
    platform.journal.record(PORTAL, companyChange('9120000001'));
    const offsets = platform.journal.entries(APP.appId, PORTAL).map((e) => e.offset);
    expect(await reader.latest(PORTAL)).toBe(offsets[1]);
  });

  it('reads the entries after an offset a page at a time, the portal’s only, as webhook events', async () => {
    installSubscribed(PORTAL);
    installSubscribed(OTHER_PORTAL);
    for (let i = 1; i <= 3; i++) {
      platform.journal.record(PORTAL, companyChange(`912000000${i}`, String(10 * i)));
      platform.journal.record(OTHER_PORTAL, companyChange('1'));
    }
    const [install, ...changes] = platform.journal.entries(APP.appId, PORTAL).map((e) => e.offset);

    const first = await reader.read(PORTAL, install as string, 2);
    expect(first.map((e) => e.offset)).toEqual(changes.slice(0, 2));
    expect(first[0]).toEqual({
      offset: changes[0],
      uninstalledAt: null,
      events: [
        {
          eventId: 0,
          subscriptionId: 0,
          portalId: PORTAL,
          appId: APP.appId,
          occurredAt: T0,
          subscriptionType: 'company.propertyChange',
          attemptNumber: 0,
          changeSource: 'CRM_UI',
          journalOffset: changes[0],
          objectId: 9120000001,
          propertyName: 'numberofemployees',
          propertyValue: '10',
        },
      ],
    });
    const rest = await reader.read(PORTAL, changes[1] as string, 2);
    expect(rest.map((e) => e.offset)).toEqual(changes.slice(2));
    expect(await reader.read(PORTAL, changes[2] as string, 2)).toEqual([]);
  });

  it('reads from the earliest entry when there is no offset; an install entry has no events', async () => {
    expect(await reader.read(PORTAL, null, 10)).toEqual([]);
    installSubscribed(PORTAL);
    const [install] = await reader.read(PORTAL, null, 10);
    expect(install).toMatchObject({ events: [], uninstalledAt: null });
  });

  it('reports an uninstall with its time', async () => {
    installSubscribed(PORTAL);
    const [install] = platform.journal.entries(APP.appId, PORTAL);
    clock += 60_000;
    platform.registry.uninstall(PORTAL, APP.appId);
    expect(await reader.read(PORTAL, install?.offset ?? '', 10)).toEqual([
      { offset: expect.any(String), events: [], uninstalledAt: T0 + 60_000 },
    ]);
  });

  it('throws JournalOffsetExpiredError for an unknown offset and one past the 3 days', async () => {
    installSubscribed(PORTAL);
    const [install] = platform.journal.entries(APP.appId, PORTAL);
    const unknown = '3c90c3cc-0d44-4b50-8888-8dd25736052a';
    await expect(reader.read(PORTAL, unknown, 10)).rejects.toThrow(JournalOffsetExpiredError);

    clock += DAY;
    platform.journal.record(PORTAL, companyChange('1'));
    clock = T0 + 3 * DAY;
    readerClock = clock;
    const expired = await reader.read(PORTAL, install?.offset ?? '', 10).catch((error: unknown) => error);
    expect(expired).toBeInstanceOf(JournalOffsetExpiredError);
    expect(expired).toMatchObject({ portalId: PORTAL, offset: install?.offset });
    expect((expired as Error).message).toContain('kept 3 days');
  });

  it('asks for the client-credentials token once, again near its expiry, and again when the journal refuses it', async () => {
    installSubscribed(PORTAL);
    await reader.latest(PORTAL);
    await reader.read(PORTAL, null, 10);
    expect(tokenRequests).toHaveLength(1);

    readerClock += 29 * 60_000 + 1;
    clock = readerClock;
    await reader.latest(PORTAL);
    expect(tokenRequests).toHaveLength(2);

    // The journal's clock runs ahead: the token the reader still trusts has expired there (401), so it gets a new one.
    clock += 31 * 60_000;
    expect(await reader.latest(PORTAL)).not.toBeNull();
    expect(tokenRequests).toHaveLength(3);
  });

  it('fails with the token endpoint’s invalid_client when the client secret is not the app’s', async () => {
    const error = await readerFor('wrong-secret')
      .latest(PORTAL)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenEndpointError);
    expect(error).toMatchObject({ kind: 'invalid_client' });
  });
});

describe('journal files', () => {
  it('a link that expired fails with the offset named, never the link', async () => {
    installSubscribed(PORTAL);
    const [entry] = platform.journal.entries(APP.appId, PORTAL);
    const offset = entry?.offset ?? '';
    const url = `${served.base}${JOURNAL_FILE_PATH}/${offset}?expires=${T0 - 1}`;
    const error = await downloadJournalFile({ offset, url }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JournalDownloadError);
    expect(error).toMatchObject({ status: 404, offset });
    expect((error as Error).message).not.toContain(url);
  });

  it('a file that is not a journal file is refused field by field', () => {
    const error = caught(
      () => parseJournalFile({ journalEvents: [{ type: 'OBJECT', action: 'UPDATE', portalId: 'x' }] }, 'off-1'),
      ValidationError,
    );
    expect(error.message).toContain('the Webhooks Journal file of offset off-1');
    expect(error.issues.map((i) => i.path).sort()).toEqual([
      'journalEvents[0].occurredAt',
      'journalEvents[0].portalId',
    ]);
  });
});
