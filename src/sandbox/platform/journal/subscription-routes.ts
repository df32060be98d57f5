import express, { type Request, type Response, Router } from 'express';
import { sendHubSpotError } from '../hubspot-error.ts';
import { clientCredentialsApp } from './client-credentials-app.ts';
import { LIFECYCLE_EVENT_TYPES, type RequestProblem } from './subscription-request.ts';
import type { JournalSubscription } from './subscription-store.ts';

const BASE = '/webhooks-journal/subscriptions/2026-03';
/** The client-credentials scopes of the subscriptions API: https://developers.hubspot.com/docs/api-reference/latest/webhooks-journal/guide */
export const SUBSCRIPTION_SCOPES = {
  read: 'developer.webhooks_journal.subscriptions.read',
  write: 'developer.webhooks_journal.subscriptions.write',
} as const;

export interface SubscriptionRouteOptions {
  /** The app behind a client-credentials token, with the scopes it was issued for. */
  appFor: (token: string) => { appId: number; scopes?: readonly string[] } | null;
  subscribe(appId: number, body: unknown): { subscription: JournalSubscription } | { problems: RequestProblem[] };
  list(appId: number): JournalSubscription[];
  get(appId: number, id: number): JournalSubscription | null;
  unsubscribe(appId: number, id: number): boolean;
  unsubscribePortal(appId: number, portalId: number): void;
}

/**
 * The subscription operations of webhooks-journal-2026-03.json the app uses: create or update (POST), list, read and
 * delete one, delete a portal's. Each takes the app's client-credentials token (401 without one) with the
 * subscriptions read or write scope (403 MISSING_SCOPES without it).
 */
export function subscriptionRoutes(options: SubscriptionRouteOptions): Router {
  const router = Router();

  /** The caller's app, or an error answered. */
  function caller(req: Request, res: Response, scope: string): number | null {
    const app = clientCredentialsApp(req, res, options.appFor, 'Webhooks Journal subscriptions');
    if (!app) return null;
    if (app.scopes && !app.scopes.includes(scope)) {
      sendHubSpotError(
        res,
        403,
        'MISSING_SCOPES',
        `This app hasn't been granted all required scopes to make this call: ask for ${scope} with the client-credentials token.`,
        {
          errors: [
            {
              message: 'One or more of the following scopes are required.',
              context: { requiredGranularScopes: [scope] },
            },
          ],
        },
      );
      return null;
    }
    return app.appId;
  }

  /** The integer path parameter, or a 400 answered. */
  function idParam(req: Request, res: Response, name: string): number | null {
    const raw = String(req.params[name]);
    if (/^\d+$/.test(raw)) return Number(raw);
    sendHubSpotError(res, 400, 'VALIDATION_ERROR', `${name} must be an integer, got ${raw}`);
    return null;
  }

  router.post(BASE, express.json(), (req, res) => {
    const appId = caller(req, res, SUBSCRIPTION_SCOPES.write);
    if (appId === null) return;
    const result = options.subscribe(appId, req.body);
    if ('problems' in result) {
      const summary = result.problems.map((p) => p.message).join('; ');
      sendHubSpotError(res, 400, 'VALIDATION_ERROR', `Invalid subscription: ${summary}`, { errors: result.problems });
      return;
    }
    res.json(subscriptionResponse(result.subscription));
  });
  router.get(BASE, (req, res) => {
    const appId = caller(req, res, SUBSCRIPTION_SCOPES.read);
    if (appId === null) return;
    res.json({ results: options.list(appId).map(subscriptionResponse) });
  });
  router.delete(`${BASE}/portals/:portalId`, (req, res) => {
    const appId = caller(req, res, SUBSCRIPTION_SCOPES.write);
    const portalId = appId === null ? null : idParam(req, res, 'portalId');
    if (appId === null || portalId === null) return;
    options.unsubscribePortal(appId, portalId);
    res.status(204).end();
  });
  router.get(`${BASE}/:subscriptionId`, (req, res) => {
    const appId = caller(req, res, SUBSCRIPTION_SCOPES.read);
    const id = appId === null ? null : idParam(req, res, 'subscriptionId');
    if (appId === null || id === null) return;
    const subscription = options.get(appId, id);
    if (subscription) res.json(subscriptionResponse(subscription));
    else notFound(res, id);
  });
  router.delete(`${BASE}/:subscriptionId`, (req, res) => {
    const appId = caller(req, res, SUBSCRIPTION_SCOPES.write);
    const id = appId === null ? null : idParam(req, res, 'subscriptionId');
    if (appId === null || id === null) return;
    if (options.unsubscribe(appId, id)) res.status(204).end();
    else notFound(res, id);
  });
  return router;
}

const notFound = (res: Response, id: number) =>
  sendHubSpotError(res, 404, 'OBJECT_NOT_FOUND', `No journal subscription ${id} of this app`);

/**
 * SubscriptionResponse. It requires objectTypeId and actions, which a lifecycle request has not: the event type id
 * and the action it stands for go there (eventTypeId is kept beside them).
 */
export function subscriptionResponse(subscription: JournalSubscription): Record<string, unknown> {
  const { id, appId, request } = subscription;
  const times = {
    createdAt: new Date(subscription.createdAt).toISOString(),
    updatedAt: new Date(subscription.updatedAt).toISOString(),
  };
  if (request.subscriptionType === 'APP_LIFECYCLE_EVENT') {
    const install = request.eventTypeId === LIFECYCLE_EVENT_TYPES.APP_INSTALL;
    return {
      id,
      appId,
      subscriptionType: request.subscriptionType,
      objectTypeId: request.eventTypeId,
      eventTypeId: request.eventTypeId,
      actions: [install ? 'APP_INSTALL' : 'APP_UNINSTALL'],
      properties: request.properties,
      ...times,
    };
  }
  // LIST_MEMBERSHIP is refused before it is stored: its answer would need an object type the request has not.
  return { id, appId, ...request, objectTypeId: 'objectTypeId' in request ? request.objectTypeId : '', ...times };
}
