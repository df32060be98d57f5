import type { Instant } from '../../../core/time.ts';
import type { TokenEndpoint } from '../oauth/token-endpoint.ts';

/** What the journal reads need: https://developers.hubspot.com/docs/api-reference/latest/webhooks-journal/guide */
export const JOURNAL_READ_SCOPES = ['developer.webhooks_journal.read'] as const;
/**
 * What listing, creating and deleting the journal's subscriptions need (same guide), with the read scopes of the
 * object types subscribed to, which the guide asks for too (the app's own, see ../oauth/scopes.ts).
 */
export const JOURNAL_SUBSCRIPTION_SCOPES = [
  'developer.webhooks_journal.subscriptions.read',
  'developer.webhooks_journal.subscriptions.write',
  'crm.objects.companies.read',
  'crm.objects.contacts.read',
  'crm.objects.deals.read',
  'tickets',
  'sales-email-read',
] as const;
/** A token with less than this left is replaced before it is used. */
export const RENEW_AHEAD_MS = 60_000;

export interface ClientCredentialsToken {
  /** The app's token, valid for a minute more at least; asked for once and kept until it nears `expires_in`. */
  get(): Promise<string>;
  /** HubSpot refused the token (401): the next get() asks for a new one. */
  invalidate(): void;
}

/**
 * The app's client-credentials token (no portal, no refresh token: a new one is simply asked for). Concurrent
 * callers share one request. Failures are the token endpoint's TokenEndpointError (e.g. `invalid_client` when
 * HUBSPOT_CLIENT_ID / HUBSPOT_CLIENT_SECRET are not the app's).
 */
export function createClientCredentialsToken(options: {
  endpoint: Pick<TokenEndpoint, 'clientCredentials'>;
  now: () => Instant;
  scopes?: readonly string[];
}): ClientCredentialsToken {
  const scopes = options.scopes ?? JOURNAL_READ_SCOPES;
  let current: { token: string; expiresAt: Instant } | null = null;
  let pending: Promise<string> | null = null;

  async function fetchToken(): Promise<string> {
    const grant = await options.endpoint.clientCredentials(scopes);
    current = { token: grant.accessToken, expiresAt: options.now() + grant.expiresInSeconds * 1000 };
    return grant.accessToken;
  }

  return {
    async get() {
      if (current && options.now() < current.expiresAt - RENEW_AHEAD_MS) return current.token;
      pending ??= fetchToken().finally(() => {
        pending = null;
      });
      return pending;
    },
    invalidate() {
      current = null;
    },
  };
}
