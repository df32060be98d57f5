/** A marketplace app registered with the sandbox, as its Auth settings would list it in HubSpot. */
export interface SandboxApp {
  appId: number;
  clientId: string;
  clientSecret: string;
  /** The redirect URLs the authorize page accepts, compared exactly. */
  redirectUris: readonly string[];
  /** The required scopes: the install URL's `scope` must name exactly these. Unchecked when absent. */
  scopes?: readonly string[];
  /** The scopes the install URL may ask for in `optional_scope`. Unchecked when absent. */
  optionalScopes?: readonly string[];
}

/** The app whose client id and secret these are, or why not. */
export function appByClient(
  apps: readonly SandboxApp[],
  clientId: string | undefined,
  clientSecret: string | undefined,
): { app: SandboxApp } | { refused: 'BAD_CLIENT_ID' | 'BAD_CLIENT_SECRET' } {
  const app = apps.find((a) => a.clientId === clientId);
  if (!clientId || !app) return { refused: 'BAD_CLIENT_ID' };
  if (clientSecret !== app.clientSecret) return { refused: 'BAD_CLIENT_SECRET' };
  return { app };
}
