import { OPTIONAL_SCOPE_NAMES, REQUIRED_SCOPE_NAMES } from '../../../../src/adapters/hubspot/oauth/scopes.ts';
import {
  createTokenRegistry,
  type TokenRegistry,
} from '../../../../src/sandbox/platform/oauth/create-token-registry.ts';
import { type Served, serve } from '../serve.ts';

export const T0 = Date.parse('2026-11-20T10:00:00.000Z');
export const PORTAL = 24051987;
export const APP = {
  appId: 5123456,
  clientId: 'client-id-1',
  clientSecret: 'client-secret-1',
  redirectUris: ['https://churn.example.com/oauth/hubspot/callback'],
  scopes: [...REQUIRED_SCOPE_NAMES],
  optionalScopes: [...OPTIONAL_SCOPE_NAMES],
};
export const OTHER_APP = {
  appId: 777,
  clientId: 'other-client',
  clientSecret: 'other-secret',
  redirectUris: ['https://other.example.com/cb'],
};
export const CALLBACK = APP.redirectUris[0] as string;

export interface Harness extends Served {
  registry: TokenRegistry;
  advance(ms: number): void;
  now(): number;
}

/** The registry's routes on a real port, with a clock starting at T0. */
export async function startRegistry(): Promise<Harness> {
  let clock = T0;
  const now = () => clock;
  const registry = createTokenRegistry({ now, apps: [APP, OTHER_APP], installPortal: { portalId: PORTAL } });
  const served = await serve(registry.router);
  return {
    ...served,
    registry,
    now,
    advance(ms) {
      clock += ms;
    },
  };
}

/** The install URL the app builds (authorize-url.ts), against the sandbox. */
export function installUrl(base: string, over: Record<string, string> = {}): string {
  const params = {
    client_id: APP.clientId,
    redirect_uri: CALLBACK,
    scope: APP.scopes.join(' '),
    optional_scope: APP.optionalScopes.join(' '),
    state: 'state-1',
    ...over,
  };
  const qs = Object.entries(params)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
  return `${base}/oauth/authorize?${qs}`;
}

/** Follows the authorize page to its redirect and returns the code it carries. */
export async function authorize(base: string, over: Record<string, string> = {}): Promise<string> {
  const res = await fetch(installUrl(base, over), { redirect: 'manual' });
  const code = new URL(res.headers.get('location') ?? 'http://x/').searchParams.get('code');
  if (res.status !== 302 || !code) throw new Error(`authorize answered ${res.status} without a code`);
  return code;
}

/** The app's authorization_code form (token-endpoint.ts exchangeCode). */
export function codeGrant(code: string, over: Record<string, string> = {}) {
  return {
    grant_type: 'authorization_code',
    client_id: APP.clientId,
    client_secret: APP.clientSecret,
    redirect_uri: CALLBACK,
    code,
    ...over,
  };
}
