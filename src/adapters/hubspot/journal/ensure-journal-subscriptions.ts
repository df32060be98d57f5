import type { Logger } from 'pino';
import { z } from 'zod';
import { ValidationError } from '../../../core/validation-error.ts';
import type { PortalId } from '../../../store/store.ts';
import type { HubSpotApi } from '../client/hubspot-api.ts';
import { HubSpotApiError } from '../client/hubspot-error.ts';
import { TokenEndpointError } from '../oauth/token-endpoint.ts';
import { type AppSubscription, appSubscriptions } from './app-subscriptions.ts';
import { JOURNAL_SUBSCRIPTION_SCOPES } from './client-credentials-token.ts';
import {
  APP_UNINSTALL_EVENT_TYPE,
  type JournalSubscriptionRequest,
  journalSubscriptionRequests,
  UNINSTALL_SUBSCRIPTION,
} from './journal-subscription-requests.ts';

export const SUBSCRIPTIONS_PATH = '/webhooks-journal/subscriptions/2026-03';
/**
 * The API client wants a portal for its limiter; these calls are the app's (client-credentials token, exempt from
 * the portals' limits), so they count under a portal id no portal has.
 */
export const APP_LEVEL = 0;

export interface EnsureDeps {
  /** A HubSpotApi whose token is the app's client-credentials token with JOURNAL_SUBSCRIPTION_SCOPES. */
  api: Pick<HubSpotApi, 'request'>;
  logger: Pick<Logger, 'info' | 'warn'>;
  /** The app's webhook subscriptions (webhooks/webhooks-hsmeta.json by default). */
  subscriptions?: readonly AppSubscription[];
}

export interface EnsureReport {
  /** The portals that have every subscription now. */
  ensured: PortalId[];
  /** The app's uninstall subscription is there now. */
  lifecycle: boolean;
  /** Subscriptions created (or updated) by this call. */
  created: number;
  /** What failed, by portal (null for the list and the app's own subscription); the rest went on. */
  failed: { portalId: PortalId | null; error: unknown }[];
}

/** SubscriptionResponse of webhooks-journal-2026-03.json, the fields compared. */
const Existing = z.looseObject({
  id: z.number(),
  subscriptionType: z.string(),
  portalId: z.number().optional(),
  objectTypeId: z.string().optional(),
  eventTypeId: z.string().optional(),
  actions: z.array(z.string()).default([]),
  objectIds: z.array(z.number()).optional(),
  properties: z.array(z.string()).optional(),
  associatedObjectTypeIds: z.array(z.string()).optional(),
  deletedAt: z.string().optional(),
});
type Existing = z.infer<typeof Existing>;
const ListResponse = z.looseObject({ results: z.array(Existing) });

/**
 * Makes sure the Webhooks Journal records what the app needs: in HubSpot it holds only what the app's journal
 * subscriptions ask for (https://developers.hubspot.com/docs/api-reference/latest/webhooks-journal/guide). Lists the
 * app's subscriptions once, then creates what is missing: the app's uninstall subscription, and each portal's
 * (journal-subscription-requests.ts, from the same hsmeta file as the webhooks). What is there already is left as is,
 * so running it again creates nothing. A failure is logged with the portal and what to do, and the rest goes on.
 */
export async function ensureJournalSubscriptions(
  deps: EnsureDeps,
  portalIds: readonly PortalId[],
): Promise<EnsureReport> {
  const { api, logger } = deps;
  const report: EnsureReport = { ensured: [], lifecycle: false, created: 0, failed: [] };
  const fail = (portalId: PortalId | null, error: unknown, what: string) => {
    report.failed.push({ portalId, error });
    logger.warn({ err: error, portalId }, `${what} failed: ${howToFix(error)}`);
  };

  let existing: Existing[];
  try {
    const body = await api.request<unknown>(APP_LEVEL, { method: 'GET', path: SUBSCRIPTIONS_PATH });
    const parsed = ListResponse.safeParse(body);
    if (!parsed.success) throw ValidationError.fromZod('the Webhooks Journal subscriptions list', parsed.error);
    existing = parsed.data.results.filter((s) => s.deletedAt === undefined);
  } catch (error) {
    fail(null, error, 'listing the Webhooks Journal subscriptions');
    return report;
  }

  const create = async (request: JournalSubscriptionRequest) => {
    // Not resent after a lost answer (it may have been applied): the next round lists, and sends what is missing.
    await api.request(APP_LEVEL, { method: 'POST', path: SUBSCRIPTIONS_PATH, body: request, idempotent: false });
    report.created++;
  };
  let hsmeta: readonly AppSubscription[] | undefined;
  const webhooks = () => {
    hsmeta ??= deps.subscriptions ?? appSubscriptions();
    return hsmeta;
  };
  const missing = (wanted: readonly JournalSubscriptionRequest[]) =>
    wanted.filter((request) => !existing.some((sub) => covers(sub, request)));

  try {
    for (const request of missing([UNINSTALL_SUBSCRIPTION])) {
      await create(request);
      logger.info("the app's Webhooks Journal uninstall subscription created");
    }
    report.lifecycle = true;
  } catch (error) {
    fail(null, error, "creating the app's Webhooks Journal uninstall subscription");
  }
  for (const portalId of portalIds) {
    const before = report.created;
    try {
      for (const request of missing(journalSubscriptionRequests(portalId, webhooks()))) {
        await create(request);
      }
      report.ensured.push(portalId);
    } catch (error) {
      fail(portalId, error, "creating the portal's Webhooks Journal subscriptions");
    }
    if (report.created > before) {
      logger.info(
        { portalId, created: report.created - before },
        'Webhooks Journal subscriptions created for the portal',
      );
    }
  }
  return report;
}

/**
 * Whether the existing subscription asks for all the request does: same kind, portal and object type (or event
 * type), at least its actions, properties and associated types, and no object singled out.
 */
function covers(sub: Existing, wanted: JournalSubscriptionRequest): boolean {
  if (sub.subscriptionType !== wanted.subscriptionType) return false;
  if (wanted.subscriptionType === 'APP_LIFECYCLE_EVENT') {
    // The spec's SubscriptionResponse has no eventTypeId: HubSpot's answers may name it there, or in objectTypeId.
    const action = wanted.eventTypeId === APP_UNINSTALL_EVENT_TYPE ? 'APP_UNINSTALL' : null;
    return (
      [sub.eventTypeId, sub.objectTypeId].includes(wanted.eventTypeId) ||
      (sub.eventTypeId === undefined && action !== null && sub.actions.includes(action))
    );
  }
  const all = (have: readonly string[] | undefined, want: readonly string[]) => want.every((w) => have?.includes(w));
  return (
    sub.portalId === wanted.portalId &&
    sub.objectTypeId === wanted.objectTypeId &&
    (sub.objectIds ?? []).length === 0 &&
    all(sub.actions, wanted.actions) &&
    (wanted.subscriptionType === 'OBJECT'
      ? all(sub.properties, wanted.properties)
      : all(sub.associatedObjectTypeIds, wanted.associatedObjectTypeIds))
  );
}

/** What the operator does about a failure; each case is retried at the next start and catch-up round anyway. */
export function howToFix(error: unknown): string {
  const retry = 'it is tried again at the next catch-up round and at start';
  const scopes = `the app needs the ${JOURNAL_SUBSCRIPTION_SCOPES.join(', ')} scopes (HubSpot's Webhooks Journal guide)`;
  const missed = 'until then the journal misses what these subscriptions cover';
  if (error instanceof TokenEndpointError) {
    if (error.kind === 'invalid_client') {
      return `HubSpot refused the app's client credentials: check HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET; ${retry}`;
    }
    if (error.kind === 'rejected') return `HubSpot refused the client-credentials token: ${scopes}; ${retry}`;
    return `HubSpot's token endpoint failed; ${retry}, ${missed}`;
  }
  if (error instanceof HubSpotApiError) {
    if (['missing_scopes', 'forbidden', 'token_rejected'].includes(error.kind)) {
      return `HubSpot refused the app's client-credentials token: ${scopes}; ${retry}`;
    }
    if (error.kind === 'invalid_request') {
      return `HubSpot refused the subscription (see the error's category and correlation id); ${retry}`;
    }
    return `HubSpot or the network failed; ${retry}, ${missed}`;
  }
  return `see the error; ${retry}, ${missed}`;
}
