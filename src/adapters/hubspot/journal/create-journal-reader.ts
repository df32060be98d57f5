import { z } from 'zod';
import type { Instant } from '../../../core/time.ts';
import { ValidationError } from '../../../core/validation-error.ts';
import type { PortalId } from '../../../store/store.ts';
import type { HubSpotWebhookEvent } from '../bundle.ts';
import type { HubSpotApi } from '../client/hubspot-api.ts';
import { HubSpotApiError } from '../client/hubspot-error.ts';
import { type AppSubscription, appSubscriptions } from './app-subscriptions.ts';
import { downloadJournalFile } from './download-journal-file.ts';
import { parseJournalFile } from './journal-file.ts';
import { JournalOffsetExpiredError } from './journal-offset-expired-error.ts';
import { journalToWebhookEvents } from './journal-to-webhook-events.ts';

/** The local journal: one portal's entries (installPortalId), so each portal keeps its own offset. */
export const LOCAL_JOURNAL_PATH = '/webhooks-journal/journal-local/2026-03';
/** Files downloaded at once while reading a page. */
const DOWNLOAD_CONCURRENCY = 8;

/** One journal entry, read and turned into what the app acts on. */
export interface JournalEntry {
  /** Its offset: read after it next time. */
  offset: string;
  /** Its CRM changes, as the webhook events of the app's subscriptions (none for changes it does not subscribe to). */
  events: HubSpotWebhookEvent[];
  /** When the app was uninstalled from the portal, if the entry records that (APP_UNINSTALL); else null. */
  uninstalledAt: Instant | null;
}

export interface JournalReader {
  /** The offset of the portal's latest entry; null when the journal holds none for it. */
  latest(portalId: PortalId): Promise<string | null>;
  /**
   * Up to `count` entries after `after` (from the earliest retained when null), oldest first; [] when there is none
   * newer. JournalOffsetExpiredError when the journal no longer has `after`.
   */
  read(portalId: PortalId, after: string | null, count: number): Promise<JournalEntry[]>;
}

export interface JournalReaderOptions {
  /** A HubSpotApi whose token is the app's client-credentials token (client-credentials-token.ts). */
  api: Pick<HubSpotApi, 'request'>;
  appId: number;
  subscriptions?: readonly AppSubscription[];
  /** For the files' pre-signed links. */
  fetch?: typeof fetch;
}

/** JournalFetchResponse of webhooks-journal-2026-03.json. */
const FetchResponse = z.looseObject({ currentOffset: z.string().min(1), url: z.string().min(1) });
const BatchResponse = z.looseObject({ results: z.array(FetchResponse) });
type FetchResponse = z.infer<typeof FetchResponse>;

/**
 * Reads a portal's Webhooks Journal (webhooks-journal-2026-03.json, local journal): the entries after an offset a
 * page at a time (`batch/{offset}/next/{count}`, `batch/earliest/{count}`), each entry's file downloaded from its
 * link and parsed, its events turned into the webhook events the intake would have stored
 * (journal-to-webhook-events.ts).
 */
export function createJournalReader(options: JournalReaderOptions): JournalReader {
  const { api, appId } = options;
  const subscriptions = options.subscriptions ?? appSubscriptions();

  async function get(portalId: PortalId, path: string): Promise<unknown> {
    return api.request<unknown>(portalId, {
      method: 'GET',
      path: `${LOCAL_JOURNAL_PATH}${path}`,
      query: { installPortalId: portalId },
    });
  }

  async function entryOf(ref: FetchResponse): Promise<JournalEntry> {
    const offset = ref.currentOffset;
    const events = parseJournalFile(await downloadJournalFile({ offset, url: ref.url }, options.fetch), offset);
    let uninstalledAt: Instant | null = null;
    const changes: HubSpotWebhookEvent[] = [];
    for (const event of events) {
      if (event.type === 'APP_LIFECYCLE_EVENT' && event.action === 'APP_UNINSTALL') {
        uninstalledAt = Math.max(uninstalledAt ?? event.occurredAt, event.occurredAt);
        continue;
      }
      changes.push(...journalToWebhookEvents(event, { appId, subscriptions, offset }));
    }
    return { offset, events: changes, uninstalledAt };
  }

  return {
    async latest(portalId) {
      const body = await get(portalId, '/latest');
      return body === undefined ? null : parse(FetchResponse, body, 'latest').currentOffset;
    },

    async read(portalId, after, count) {
      let body: unknown;
      try {
        body = await get(
          portalId,
          after === null ? `/batch/earliest/${count}` : `/batch/${encodeURIComponent(after)}/next/${count}`,
        );
      } catch (error) {
        if (after !== null && error instanceof HubSpotApiError && error.kind === 'not_found') {
          throw new JournalOffsetExpiredError(portalId, after, { cause: error });
        }
        throw error;
      }
      const refs = body === undefined ? [] : parse(BatchResponse, body, 'batch').results;
      const entries: JournalEntry[] = [];
      for (let i = 0; i < refs.length; i += DOWNLOAD_CONCURRENCY) {
        entries.push(...(await Promise.all(refs.slice(i, i + DOWNLOAD_CONCURRENCY).map(entryOf))));
      }
      return entries;
    },
  };
}

function parse<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw ValidationError.fromZod(`the Webhooks Journal's ${what} answer`, parsed.error);
}
