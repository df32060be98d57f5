import { type Request, type Response, Router } from 'express';
import type { AppDeps } from '../app-deps.ts';
import { parseCardQuery } from '../card-query.ts';
import { companyRiskBody } from '../company-risk-body.ts';
import { HttpError } from '../http-error.ts';
import { contextOf } from '../request-context.ts';
import { verifyHubSpotRequest } from '../verify-hubspot-request.ts';

/**
 * GET /cards/hubspot/company-risk: the card's data, called by HubSpot's `hubspot.fetch`, which signs the request like
 * a webhook (v3) and cannot send headers of its own. The signature covers the query, so the portal in it is the one
 * HubSpot vouches for: the store is read for that portal only, and never any CRM (DESIGN §5: no CRM call on the hot
 * path).
 */
export function companyRiskCardRoute(deps: AppDeps): Router {
  const router = Router();
  router.get('/cards/hubspot/company-risk', async (req: Request, res: Response) => {
    verifyHubSpotRequest(req, Buffer.alloc(0), deps);
    const { portalId, companyId } = parseCardQuery(req.originalUrl);
    if (!(await deps.store.getInstallation(portalId))) {
      throw new HttpError(403, 'not_installed', 'app not installed for this portal: install Churn Signals first');
    }
    const state = await deps.store.getAccountState(portalId, companyId);
    const snoozes = await deps.store.activeSnoozes(portalId, companyId, deps.now());
    const body = companyRiskBody(portalId, companyId, state, snoozes);
    contextOf(res).log.info({ portalId, companyId, scored: body.status === 'scored' }, 'card data served');
    res.setHeader('Cache-Control', 'no-store');
    res.json(body);
  });
  return router;
}
