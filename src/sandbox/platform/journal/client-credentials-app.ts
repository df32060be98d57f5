import type { Request, Response } from 'express';
import { sendHubSpotError } from '../hubspot-error.ts';
import { bearerToken } from '../oauth/bearer-access.ts';

export interface ClientCredentialsApp {
  appId: number;
  /** The token's scopes; absent when the registry does not track them. */
  scopes?: readonly string[];
}

/**
 * The app behind the request's client-credentials token (the only token the Webhooks Journal takes), or null after
 * answering 401 as HubSpot does. `what` names the operation in the message.
 */
export function clientCredentialsApp(
  req: Request,
  res: Response,
  appFor: (token: string) => ClientCredentialsApp | null,
  what: string,
): ClientCredentialsApp | null {
  const token = bearerToken(req);
  const app = token ? appFor(token) : null;
  if (!app) {
    sendHubSpotError(
      res,
      401,
      'INVALID_AUTHENTICATION',
      `${what} need the app’s client-credentials token (grant_type=client_credentials).`,
    );
  }
  return app;
}
