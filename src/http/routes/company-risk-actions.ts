import { type Request, type Response, Router } from 'express';
import { z } from 'zod';
import { SIGNAL_IDS } from '../../core/signal.ts';
import { DAY } from '../../core/time.ts';
import { ValidationError } from '../../core/validation-error.ts';
import type { AppDeps } from '../app-deps.ts';
import { parseCardQuery } from '../card-query.ts';
import { loggable } from '../error-handler.ts';
import { HttpError } from '../http-error.ts';
import { parseJson } from '../parse-webhook-batch.ts';
import { parsePortalQuery } from '../portal-query.ts';
import { contextOf } from '../request-context.ts';
import { rawExtensionBody, signedPortal } from '../signed-portal.ts';

const CARD = '/cards/hubspot/company-risk';
export const SNOOZE_DAYS = 30;
const SnoozeRequest = z.object({ signalId: z.enum(SIGNAL_IDS) });
const portalOf = (originalUrl: string) => parseCardQuery(originalUrl).portalId;

/**
 * The card's actions, through `hubspot.fetch` (v3-signed, portal and company from the signed query like the card's
 * GET): "Not a risk" snoozes one signal for the company for 30 days (kept as a false alarm) and re-scores it;
 * "Recalculate now" queues a re-score.
 */
export function companyRiskActionsRoutes(deps: AppDeps): Router {
  const router = Router();

  router.post(`${CARD}/snooze`, rawExtensionBody, async (req: Request, res: Response) => {
    const { portalId, body } = await signedPortal(req, deps, portalOf);
    const { companyId } = parseCardQuery(req.originalUrl);
    const { userId } = parsePortalQuery(req.originalUrl);
    const parsed = SnoozeRequest.safeParse(parseJson(body));
    if (!parsed.success) throw ValidationError.fromZod('snooze request', parsed.error);
    const { signalId } = parsed.data;
    const at = deps.now();
    const until = at + SNOOZE_DAYS * DAY;
    await deps.store.snooze({ portalId, companyId, signalId, until, by: userId, at });
    const { log } = contextOf(res);
    log.info({ portalId, companyId, signalId, until }, 'signal snoozed (false alarm)');
    if (deps.recalculate) {
      // Awaited, so the card's next read shows the score without the signal; a failure leaves the snooze stored,
      // and it takes effect at the company's next scoring.
      await deps.recalculate(portalId, companyId).catch((error: unknown) => {
        log.error({ err: loggable(error), portalId, companyId }, 're-scoring after a snooze failed');
      });
    }
    res.setHeader('Cache-Control', 'no-store');
    res.json({ signalId, snoozedUntil: new Date(until).toISOString() });
  });

  router.post(`${CARD}/recalculate`, rawExtensionBody, async (req: Request, res: Response) => {
    const { portalId } = await signedPortal(req, deps, portalOf);
    const { companyId } = parseCardQuery(req.originalUrl);
    const { recalculate } = deps;
    if (!recalculate) {
      throw new HttpError(503, 'recalculate_unavailable', 'recalculating is not available on this server');
    }
    const { log } = contextOf(res);
    void (async () => recalculate(portalId, companyId))().catch((error: unknown) => {
      log.error({ err: loggable(error), portalId, companyId }, 'recalculate failed');
    });
    log.info({ portalId, companyId }, 'recalculate queued');
    res.setHeader('Cache-Control', 'no-store');
    res.status(202).json({ queued: true });
  });

  return router;
}
