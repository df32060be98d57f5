/** Which of HubSpot's per-portal limits a request counts against. */
export type RateLimitPolicy = 'ten-secondly' | 'search' | 'exempt';

/**
 * Per HubSpot's specs: CRM search (POST /crm/objects/2026-09/{objectType}/search) has its own per-second limit and
 * is exempt from the ten-secondly one, as are the association batch operations and the Webhooks Journal reads
 * (`x-hubspot-rate-limit-exemptions: ["ten-secondly"]` in crm-objects-, crm-associations-2026-09.json and
 * webhooks-journal-2026-03.json); OAuth's own endpoints are not portal calls. Everything else counts against the
 * 110-per-10-seconds limit of a marketplace app in the installing portal:
 * https://developers.hubspot.com/docs/developer-tooling/platform/usage-guidelines
 */
const RULES: readonly [RegExp, RateLimitPolicy][] = [
  [/^POST \/crm\/objects\/2026-09\/[^/]+\/search$/, 'search'],
  [
    /^POST \/crm\/associations\/2026-09\/[^/]+\/[^/]+\/batch\/(read|create|archive|associate\/default|labels\/archive)$/,
    'exempt',
  ],
  [/^POST \/crm\/associations\/2026-09\/usage\/high-usage-report\/[^/]+$/, 'exempt'],
  [/^[A-Z]+ \/webhooks-journal\//, 'exempt'],
  [/^[A-Z]+ \/oauth\//, 'exempt'],
  // The Webhooks Journal's files: HubSpot hands them out as pre-signed storage links, not API calls.
  [/^GET \/_sandbox\/webhooks-journal\/files\//, 'exempt'],
];

export function rateLimitPolicy(method: string, path: string): RateLimitPolicy {
  const request = `${method.toUpperCase()} ${path.replace(/\/+$/, '')}`;
  return RULES.find(([pattern]) => pattern.test(request))?.[1] ?? 'ten-secondly';
}
