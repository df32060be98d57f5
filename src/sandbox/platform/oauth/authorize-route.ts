import type { Request, RequestHandler, Response } from 'express';
import type { SandboxApp } from './sandbox-app.ts';
import type { TokenStore } from './token-store.ts';

/** The portal (and its installing user) the sandbox's authorize page approves installs for. */
export interface InstallPortal {
  portalId: number;
  hubDomain?: string;
  userId?: number;
  /** Whether the portal's subscription grants the optional scopes asked for (default true). */
  grantsOptionalScopes?: boolean;
}

/**
 * GET /oauth/authorize, HubSpot's install page (https://developers.hubspot.com/docs/api-reference/auth-oauth-v3/guide):
 * client_id and redirect_uri must be the app's (otherwise an error page, never a redirect: RFC 6749 §4.1.2.1), the
 * `scope` exactly its required scopes and `optional_scope` among its optional ones (otherwise a redirect with
 * `error=invalid_scope`). Where a user would pick a portal and approve, the sandbox approves for the configured
 * portal at once: 302 to redirect_uri with a single-use `code` and the `state` echoed.
 */
export function authorizeRoute(options: {
  store: TokenStore;
  apps: readonly SandboxApp[];
  installPortal: () => InstallPortal | null;
}): RequestHandler {
  const { store, apps } = options;
  return (req: Request, res: Response) => {
    const query = new URLSearchParams(req.originalUrl.split('?')[1] ?? '');
    const app = apps.find((a) => a.clientId === query.get('client_id'));
    if (!app) {
      errorPage(res, 'This app’s client_id is missing or unknown: check the install URL.');
      return;
    }
    const redirectUri = query.get('redirect_uri') ?? '';
    if (!app.redirectUris.includes(redirectUri)) {
      errorPage(res, `The redirect_uri ${redirectUri || '(none)'} is not one of this app’s redirect URLs.`);
      return;
    }
    const state = query.get('state');
    const back = (params: Record<string, string>) => {
      const url = new URL(redirectUri);
      for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
      if (state !== null) url.searchParams.set('state', state);
      res.redirect(302, url.toString());
    };

    const required = words(query.get('scope'));
    const optional = words(query.get('optional_scope'));
    const problem = scopeProblem(app, required, optional);
    if (problem) {
      back({ error: 'invalid_scope', error_description: problem });
      return;
    }
    const portal = options.installPortal();
    if (!portal) {
      errorPage(res, 'The sandbox has no portal to install into (configure installPortal).');
      return;
    }
    const granted = portal.grantsOptionalScopes === false ? required : [...required, ...optional];
    const code = store.issueCode({
      portalId: portal.portalId,
      appId: app.appId,
      scopes: [...new Set(granted)],
      hubDomain: portal.hubDomain ?? `demo-${portal.portalId}.hubspot.test`,
      userId: portal.userId ?? 1_000_001,
      redirectUri,
    });
    back({ code });
  };
}

function words(value: string | null): string[] {
  return (value ?? '').split(/\s+/).filter(Boolean);
}

function scopeProblem(app: SandboxApp, required: string[], optional: string[]): string | null {
  if (required.length === 0) return 'scope is required';
  if (app.scopes) {
    const missing = app.scopes.filter((s) => !required.includes(s));
    const extra = required.filter((s) => !app.scopes?.includes(s));
    if (missing.length > 0 || extra.length > 0) {
      const parts = [
        missing.length ? `missing ${missing.join(' ')}` : '',
        extra.length ? `not the app's ${extra.join(' ')}` : '',
      ];
      return `scope must be the app's required scopes (${parts.filter(Boolean).join('; ')})`;
    }
  }
  if (app.optionalScopes) {
    const unknown = optional.filter((s) => !app.optionalScopes?.includes(s));
    if (unknown.length > 0) return `optional_scope names scopes the app does not list: ${unknown.join(' ')}`;
  }
  return null;
}

function errorPage(res: Response, message: string): void {
  const text = message.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  res
    .status(400)
    .type('html')
    .send(`<!doctype html><title>Authorization failed</title><h1>Authorization failed</h1><p>${text}</p>`);
}
