import express, { type Express } from 'express';
import type { AppDeps } from './app-deps.ts';
import { errorHandler, notFound } from './error-handler.ts';
import { requestContext } from './request-context.ts';
import { companyRiskActionsRoutes } from './routes/company-risk-actions.ts';
import { companyRiskCardRoute } from './routes/company-risk-card.ts';
import { hubspotOAuthRoutes } from './routes/hubspot-oauth.ts';
import { hubspotSettingsRoutes } from './routes/hubspot-settings.ts';
import { hubspotWebhooksRoute } from './routes/hubspot-webhooks.ts';
import { operationsRoutes } from './routes/operations.ts';
import { statusRoutes } from './routes/status.ts';

/**
 * The HTTP server, transport only: each route checks and parses its request, hands it to the store or a dependency,
 * and answers; every error is mapped in error-handler.ts. The caller listens (`createApp(deps).listen(env.PORT)`).
 */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // Request URLs and signatures are built from PUBLIC_BASE_URL, never from Host or X-Forwarded-* headers.
  app.set('trust proxy', false);
  app.use(requestContext(deps.logger));
  app.use(hubspotWebhooksRoute(deps));
  app.use(companyRiskCardRoute(deps));
  app.use(companyRiskActionsRoutes(deps));
  app.use(hubspotSettingsRoutes(deps));
  app.use(hubspotOAuthRoutes(deps));
  app.use(statusRoutes(deps));
  app.use(operationsRoutes(deps));
  app.use(notFound());
  app.use(errorHandler());
  return app;
}
