import express, { type NextFunction, type Request, type Response, Router } from 'express';
import type { HubSpotWebhookEvent } from '../../adapters/hubspot/bundle.ts';
import type { PortalId } from '../../store/store.ts';
import type { AppDeps } from '../app-deps.ts';
import { DEFAULT_DEBOUNCE_MS } from '../app-deps.ts';
import { answerFor } from '../error-handler.ts';
import { isOwnWrite } from '../is-own-write.ts';
import { parseJson, parseWebhookBatch } from '../parse-webhook-batch.ts';
import { contextOf } from '../request-context.ts';
import { toInboxEvent } from '../to-inbox-event.ts';
import { verifyHubSpotRequest } from '../verify-hubspot-request.ts';

/** 100 events are a few tens of KB; anything near this limit is not a HubSpot delivery. */
export const WEBHOOK_BODY_LIMIT = 1024 * 1024;

export interface WebhookAnswer {
  /** Stored in the inbox now. */
  accepted: number;
  /** Already in the inbox (a redelivery), or repeated within the batch. */
  duplicates: number;
  /** Dropped: the app's own writes, and events of portals that are not installed. */
  ignored: number;
}

/**
 * POST /webhooks/hubspot: signature, validation, then the batch is stored in the inbox (one transaction) before the
 * 200, so an acknowledged event is never lost; processing is the worker's. Anything else than 2xx makes HubSpot
 * redeliver for up to 24 h, so events no retry can help (own writes, portals not installed) are dropped with a 200.
 * https://developers.hubspot.com/docs/api/webhooks
 */
export function hubspotWebhooksRoute(deps: AppDeps): Router {
  const router = Router();
  // Raw bytes whatever the Content-Type: the signature is over the body exactly as sent.
  const rawBody = express.raw({ type: () => true, limit: WEBHOOK_BODY_LIMIT, inflate: false });
  router.post('/webhooks/hubspot', rawBody, async (req: Request, res: Response) => {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    verifyHubSpotRequest(req, body, deps);
    const events = parseWebhookBatch(parseJson(body));
    res.json(await intake(deps, res, events));
  });
  // Counts refusals by the code answered (signature, JSON, schema, body size), then lets error-handler.ts answer.
  router.use('/webhooks/hubspot', (error: unknown, _req: Request, _res: Response, next: NextFunction) => {
    deps.metrics?.webhookRejections.inc({ reason: answerFor(error).code });
    next(error);
  });
  return router;
}

async function intake(deps: AppDeps, res: Response, events: HubSpotWebhookEvent[]): Promise<WebhookAnswer> {
  const { log } = contextOf(res);
  const appId = deps.env.HUBSPOT_APP_ID;
  const ownWrites = events.filter((event) => isOwnWrite(event, appId));
  if (ownWrites.length > 0) {
    log.debug({ events: ownWrites.length, eventIds: ownWrites.map((e) => e.eventId) }, "dropped the app's own writes");
  }

  const byPortal = new Map<PortalId, HubSpotWebhookEvent[]>();
  for (const event of events) {
    if (isOwnWrite(event, appId)) continue;
    const list = byPortal.get(event.portalId);
    if (list) list.push(event);
    else byPortal.set(event.portalId, [event]);
  }

  const kept: HubSpotWebhookEvent[] = [];
  let notInstalled = 0;
  for (const [portalId, portalEvents] of byPortal) {
    if (await deps.store.getInstallation(portalId)) {
      kept.push(...portalEvents);
      continue;
    }
    notInstalled += portalEvents.length;
    log.warn(
      { portalId, events: portalEvents.length, eventIds: portalEvents.map((e) => e.eventId) },
      'dropped webhook events of a portal the app is not installed for: it was uninstalled, its install did not ' +
        'complete, or it was installed against another database (DATABASE_URL); a retry cannot help',
    );
  }

  // The debounce: a burst of events (an import, a merge) is claimed together and each company re-read once.
  const notBefore = deps.now() + (deps.debounceMs ?? DEFAULT_DEBOUNCE_MS);
  const { accepted, duplicates } =
    kept.length > 0 ? await deps.store.enqueue(kept.map((e) => ({ ...toInboxEvent(e), notBefore }))) : NOTHING;
  const ignored = ownWrites.length + notInstalled;
  const counted = deps.metrics?.webhookEvents;
  counted?.inc({ outcome: 'received' }, events.length);
  counted?.inc({ outcome: 'accepted' }, accepted);
  counted?.inc({ outcome: 'duplicate' }, duplicates);
  counted?.inc({ outcome: 'ignored' }, ignored);
  log.info(
    {
      portals: [...byPortal.keys()],
      events: events.length,
      eventIds: events.map((e) => e.eventId),
      accepted,
      duplicates,
      ownWrites: ownWrites.length,
      notInstalled,
    },
    'webhook batch received',
  );
  return { accepted, duplicates, ignored };
}

const NOTHING = { accepted: 0, duplicates: 0 };
