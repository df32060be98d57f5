import type { Logger } from 'pino';
import type { AppEnv } from '../../../config/env.ts';
import type { AppMetrics } from '../../../metrics/create-app-metrics.ts';
import { createHubSpotApi, type HubSpotApi } from '../client/hubspot-api.ts';
import { createRateLimiter } from '../client/rate-limiter.ts';
import { createTokenEndpoint } from '../oauth/token-endpoint.ts';
import { createClientCredentialsToken } from './client-credentials-token.ts';

export interface AppJournalApiOptions {
  env: Pick<AppEnv, 'HUBSPOT_API_BASE_URL' | 'HUBSPOT_CLIENT_ID' | 'HUBSPOT_CLIENT_SECRET' | 'HUBSPOT_APP_ID'>;
  logger: Pick<Logger, 'warn' | 'debug'>;
  now?: () => number;
  metrics?: Pick<AppMetrics, 'hubspotCalls'>;
  fetch?: typeof fetch;
}

/**
 * The Webhooks Journal's API client: the same as the CRM calls' (retries, Retry-After, errors), but with the app's
 * client-credentials token for these scopes instead of an installation's, and a limiter of its own, since the
 * journal's operations are exempt from HubSpot's per-portal limits (x-hubspot-rate-limit-exemptions) and must not
 * spend the CRM calls' budget.
 */
export function appJournalApi(options: AppJournalApiOptions, scopes: readonly string[]): HubSpotApi {
  const { env } = options;
  const now = options.now ?? Date.now;
  const token = createClientCredentialsToken({
    endpoint: createTokenEndpoint({
      baseUrl: env.HUBSPOT_API_BASE_URL,
      clientId: env.HUBSPOT_CLIENT_ID,
      clientSecret: env.HUBSPOT_CLIENT_SECRET,
      fetch: options.fetch ?? globalThis.fetch,
    }),
    now,
    scopes,
  });
  return createHubSpotApi({
    baseUrl: env.HUBSPOT_API_BASE_URL,
    accessToken: () => token.get(),
    onTokenRejected: async () => token.invalidate(),
    limiter: createRateLimiter({ now }),
    logger: options.logger,
    now,
    ...(options.metrics ? { metrics: options.metrics } : {}),
  });
}
