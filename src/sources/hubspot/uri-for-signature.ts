/**
 * The percent-encoded characters HubSpot decodes in the request URI before signing it (v3), and only these:
 * https://developers.hubspot.com/docs/apps/legacy-apps/authentication/validating-requests#validate-the-v3-request-signature
 */
export const HUBSPOT_URI_DECODE_TABLE: Readonly<Record<string, string>> = Object.freeze({
  '%3A': ':',
  '%2F': '/',
  '%3F': '?',
  '%40': '@',
  '%21': '!',
  '%24': '$',
  '%27': "'",
  '%28': '(',
  '%29': ')',
  '%2A': '*',
  '%2C': ',',
  '%3B': ';',
});

// One pass, so a decoded '%' can never form a new escape ("%253A" stays as is). Hex digits are case-insensitive
// (RFC 3986 §2.1), so "%3a" decodes like "%3A".
const ENCODED = new RegExp(
  `%(?:${Object.keys(HUBSPOT_URI_DECODE_TABLE)
    .map((sequence) => sequence.slice(1))
    .join('|')})`,
  'gi',
);

/** The URI as HubSpot puts it into the v3 signature: the URL it called with the table's characters decoded. */
export function uriForSignature(url: string): string {
  return url.replace(ENCODED, (sequence) => HUBSPOT_URI_DECODE_TABLE[sequence.toUpperCase()] ?? sequence);
}

/**
 * The URL HubSpot called: the configured public base URL (scheme, host and any path prefix a proxy strips) followed
 * by the request target exactly as received (path and raw query, e.g. Express's `req.originalUrl`). Never built from
 * the Host or X-Forwarded-* headers: a client or a proxy controls those, and a proxy changes them.
 */
export function publicRequestUrl(publicBaseUrl: string, requestTarget: string): string {
  const base = publicBaseUrl.replace(/\/+$/, '');
  return base + (requestTarget.startsWith('/') ? requestTarget : `/${requestTarget}`);
}
