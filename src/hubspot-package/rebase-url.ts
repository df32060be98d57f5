import { PLACEHOLDER_BASE_URL } from './public-base-url.ts';

/**
 * `url` with the placeholder origin replaced by `baseUrl` (`https://churn.example.com/webhooks/hubspot` →
 * `https://churn.acme.io/webhooks/hubspot`); a URL elsewhere is returned unchanged.
 */
export function rebaseUrl(url: string, baseUrl: string): string {
  if (url === PLACEHOLDER_BASE_URL) return baseUrl;
  return url.startsWith(`${PLACEHOLDER_BASE_URL}/`) ? baseUrl + url.slice(PLACEHOLDER_BASE_URL.length) : url;
}
