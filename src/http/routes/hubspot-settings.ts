import { type Request, type Response, Router } from 'express';
import { resolveStoredSettings } from '../../core/resolve-stored-settings.ts';
import { resolveConfig, tenantConfigSchema } from '../../core/tenant-config.ts';
import { ValidationError } from '../../core/validation-error.ts';
import { SIGNALS } from '../../signals/index.ts';
import type { AppDeps } from '../app-deps.ts';
import { loggable } from '../error-handler.ts';
import { parseJson } from '../parse-webhook-batch.ts';
import { parsePortalQuery } from '../portal-query.ts';
import { contextOf } from '../request-context.ts';
import { settingsBody, signalCatalog } from '../settings-body.ts';
import { rawExtensionBody, signedPortal } from '../signed-portal.ts';

const SETTINGS = '/settings/hubspot';
const portalOf = (originalUrl: string) => parsePortalQuery(originalUrl).portalId;

/**
 * GET and PUT /settings/hubspot: the admin settings page's data, through `hubspot.fetch` (v3-signed like the card).
 * The portal is the one in the signed query; its document is validated with tenantConfigSchema before it is stored,
 * and a save re-scores the portal's companies.
 */
export function hubspotSettingsRoutes(deps: AppDeps): Router {
  const router = Router();

  router.get(SETTINGS, async (req: Request, res: Response) => {
    const { portalId } = await signedPortal(req, deps, portalOf);
    const saved = await deps.store.getTenantSettings(portalId);
    const { config, error } = resolveStoredSettings(saved, SIGNALS);
    if (error) {
      contextOf(res).log.error(
        { portalId, issues: error.issues },
        'the saved tenant settings are invalid: showing (and scoring on) the product defaults',
      );
    }
    res.setHeader('Cache-Control', 'no-store');
    res.json({ ...settingsBody(saved, config), signals: signalCatalog(SIGNALS) });
  });

  router.put(SETTINGS, rawExtensionBody, async (req: Request, res: Response) => {
    const { portalId, body } = await signedPortal(req, deps, portalOf);
    const settings = parseJson(body);
    const parsed = tenantConfigSchema(SIGNALS).safeParse(settings);
    if (!parsed.success) throw ValidationError.fromZod('settings', parsed.error);
    await deps.store.saveTenantSettings(portalId, settings, deps.now());
    const { log } = contextOf(res);
    log.info({ portalId }, 'tenant settings saved');
    try {
      deps.rescorePortal?.(portalId);
    } catch (error) {
      log.error({ err: loggable(error), portalId }, 'could not start re-scoring the portal after a settings save');
    }
    res.setHeader('Cache-Control', 'no-store');
    res.json(settingsBody(settings, resolveConfig(settings, SIGNALS)));
  });

  return router;
}
