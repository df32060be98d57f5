import { PLACEHOLDER_BASE_URL } from './public-base-url.ts';

/**
 * `url` with the placeholder origin replaced by `baseUrl` (`https://churn.example.com/webhooks/hubspot` →
 * `https://churn.acme.io/webhooks/hubspot`); a URL elsewhere is returned unchanged.
 */
export function rebaseUrl(url: string, baseUrl: string): string {
  if (url === PLACEHOLDER_BASE_URL) return baseUrl;
  return url.startsWith(`${PLACEHOLDER_BASE_URL}/`) ? baseUrl + url.slice(PLACEHOLDER_BASE_URL.length) : url;
}

/** The placeholder origin where it stands alone, not as the start of another host (`churn.example.company`) or port. */
const PLACEHOLDER_IN_TEXT = new RegExp(
  `${PLACEHOLDER_BASE_URL.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w.:-])`,
  'g',
);

/** `text` (a source file) with every placeholder URL moved to `baseUrl`, as rebaseUrl does for one URL. */
export function rebaseUrlsInText(text: string, baseUrl: string): string {
  return text.replace(PLACEHOLDER_IN_TEXT, () => baseUrl);
}
