import { type Request, type Response, Router } from 'express';
import { HubSpotApiError } from '../../adapters/hubspot/client/hubspot-error.ts';
import { publicRequestUrl } from '../../sources/hubspot/uri-for-signature.ts';
import type { AppDeps } from '../app-deps.ts';
import { loggable } from '../error-handler.ts';
import { htmlPage } from '../html-page.ts';
import { HttpError } from '../http-error.ts';
import { contextOf } from '../request-context.ts';

const ERROR_PAGE = { title: 'Churn Signals could not be installed' };

/**
 * The install flow an admin walks through in the browser: /install sends them to HubSpot's consent screen, HubSpot
 * sends them back to /callback with a code and the state. Answers are HTML pages, errors included.
 * https://developers.hubspot.com/docs/api/oauth-quickstart-guide
 */
export function hubspotOAuthRoutes(deps: AppDeps): Router {
  const router = Router();

  router.get('/oauth/hubspot/install', async (_req: Request, res: Response) => {
    contextOf(res).errorPage = ERROR_PAGE;
    res.redirect(302, await deps.oauth.authorizeUrl());
  });

  router.get('/oauth/hubspot/callback', async (req: Request, res: Response) => {
    const context = contextOf(res);
    context.errorPage = ERROR_PAGE;
    const query = new URLSearchParams(req.originalUrl.split('?')[1] ?? '');
    const denied = query.get('error');
    if (denied) {
      const description = query.get('error_description')?.slice(0, 300);
      throw new HttpError(
        400,
        'install_denied',
        `HubSpot did not authorize the app: ${description ? `${description} (${denied})` : denied}. Start the install again to retry.`,
      );
    }
    const code = query.get('code');
    const state = query.get('state');
    if (!code || !state) {
      throw new HttpError(
        400,
        'invalid_callback',
        `the callback misses its ${code ? 'state' : 'code'} parameter: start the install again from the app listing`,
      );
    }

    const { portalId } = await completeInstall(deps, code, state);
    context.log.info({ portalId }, 'app installed');
    try {
      deps.onInstalled(portalId);
    } catch (error) {
      // The install itself succeeded, so the admin still gets the page; the operator finds this in the log.
      context.log.error({ portalId, err: loggable(error) }, 'provisioning could not be started after the install');
    }
    res
      .type('html')
      .send(
        htmlPage('Churn Signals is installed', [
          `Churn Signals is installed for portal ${portalId}; scoring your companies now.`,
          `Progress at ${publicRequestUrl(deps.env.PUBLIC_BASE_URL, '/status')}`,
        ]),
      );
  });

  return router;
}

/** An error of the OAuth flow that carries an HTTP status (a bad state is 400) is shown with that status. */
async function completeInstall(deps: AppDeps, code: string, state: string) {
  try {
    return await deps.oauth.completeInstall({ code, state });
  } catch (error) {
    // A HubSpotApiError's status is HubSpot's answer to us, not ours to the admin: error-handler.ts maps it (502).
    if (!(error instanceof Error) || error instanceof HttpError || error instanceof HubSpotApiError) throw error;
    const status = (error as { status?: unknown }).status;
    if (isErrorStatus(status)) throw new HttpError(status, 'install_failed', error.message, { cause: error });
    throw error;
  }
}

function isErrorStatus(status: unknown): status is number {
  return typeof status === 'number' && Number.isInteger(status) && status >= 400 && status <= 599;
}
