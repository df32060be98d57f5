/**
 * The origin the manifest files use for the app's server. Staging replaces it with PUBLIC_BASE_URL in the webhook
 * target URL, the OAuth redirect URLs and the card's permitted fetch URLs; uploaded as is, HubSpot would call nobody.
 */
export const PLACEHOLDER_BASE_URL = 'https://churn.example.com';

export interface PublicBaseUrl {
  /** Absolute, without a trailing slash: `https://churn.acme.io` or `https://acme.io/churn`. */
  url: string;
  /** Set when the placeholder is used: the package would not reach any server. */
  warning?: string;
}

/**
 * PUBLIC_BASE_URL from the environment, checked as HubSpot needs it: an https URL (plain http only for localhost,
 * which HubSpot accepts as a redirect URL during development), no query or fragment. Missing → the placeholder, with a
 * warning. Throws a TypeError naming the problem otherwise.
 */
export function publicBaseUrl(env: Record<string, string | undefined>): PublicBaseUrl {
  const raw = env.PUBLIC_BASE_URL?.trim();
  if (raw === undefined || raw === '') {
    return {
      url: PLACEHOLDER_BASE_URL,
      warning: `PUBLIC_BASE_URL is not set: the package points at the placeholder ${PLACEHOLDER_BASE_URL}`,
    };
  }
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new TypeError(`PUBLIC_BASE_URL: expected an absolute URL such as https://churn.acme.io, got "${raw}"`);
  }
  const local = parsed.hostname === 'localhost' || parsed.hostname === '127.0.0.1';
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && local)) {
    throw new TypeError(`PUBLIC_BASE_URL: HubSpot calls https URLs only (http only for localhost), got "${raw}"`);
  }
  if (parsed.search !== '' || parsed.hash !== '' || parsed.username !== '' || parsed.password !== '') {
    throw new TypeError(`PUBLIC_BASE_URL: expected no query, fragment or credentials, got "${raw}"`);
  }
  return { url: `${parsed.origin}${parsed.pathname}`.replace(/\/+$/, '') };
}
