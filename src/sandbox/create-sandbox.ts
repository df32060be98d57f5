import express, { type Express, type RequestHandler } from 'express';
import type { Logger } from 'pino';
import { authenticate, type SandboxAuth } from './crm/authenticate.ts';
import { crmRouter } from './crm/crm-router.ts';
import { handleErrors, notFoundRoute } from './crm/handle-errors.ts';
import type { SandboxState } from './state/sandbox-state.ts';

export type { SandboxAuth } from './crm/authenticate.ts';

export interface SandboxOptions {
  state: SandboxState;
  /** Who a Bearer token belongs to (the OAuth token registry). */
  auth: SandboxAuth;
  /** The clock of batch answers' timestamps; the state's clock by default. */
  now?: () => number;
  logger?: Pick<Logger, 'debug' | 'error'>;
  /**
   * Mounted first, in order, for every request: rate limits, fault injection, and routers for the non-CRM
   * operations (OAuth, Webhooks Journal, uninstall), which take no Bearer token of the CRM kind.
   */
  middleware?: RequestHandler[];
}

/**
 * A HubSpot-compatible server (an express app; the caller listens): the CRM operations the app calls, under /crm with
 * a Bearer token, as HubSpot's 2026-09 specs in ../shared/hubspot-openapi describe them, answering HubSpot's error
 * body for a missing token (401), invalid input (400), unknown records and paths (404).
 */
export function createSandbox(options: SandboxOptions): Express {
  const now = options.now ?? options.state.now;
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  if (options.logger) {
    const logger = options.logger;
    app.use((req, res, next) => {
      res.on('finish', () => logger.debug({ method: req.method, path: req.path, status: res.statusCode }, 'sandbox'));
      next();
    });
  }
  for (const middleware of options.middleware ?? []) app.use(middleware);
  app.use('/crm', authenticate(options.auth, options.state));
  app.use(crmRouter(now));
  app.use(notFoundRoute);
  app.use(handleErrors(options.logger));
  return app;
}
