import { randomBytes } from 'node:crypto';
import { OPTIONAL_SCOPE_NAMES, REQUIRED_SCOPE_NAMES } from '../adapters/hubspot/oauth/scopes.ts';
import type { SandboxApp } from '../sandbox/platform/oauth/create-token-registry.ts';

/** The demo portal's id: any positive number; this one reads as a demo in logs and URLs. */
export const DEMO_PORTAL_ID = 24_060_042;

/**
 * The app as the sandbox registers it (what a developer copies from the app's Auth settings in HubSpot): a fresh
 * secret per run, and the one redirect URL the app sends, `<PUBLIC_BASE_URL>/oauth/hubspot/callback`.
 */
export function demoApp(appBaseUrl: string): SandboxApp {
  return {
    appId: 4_200_042,
    clientId: 'churn-signals-demo',
    clientSecret: randomBytes(24).toString('base64url'),
    redirectUris: [`${appBaseUrl}/oauth/hubspot/callback`],
    scopes: [...REQUIRED_SCOPE_NAMES],
    optionalScopes: [...OPTIONAL_SCOPE_NAMES],
  };
}
