import type { RequestKind } from './rate-limiter.ts';

/**
 * The operations HubSpot's specs exempt from the ten-secondly limit (`x-hubspot-rate-limit-exemptions:
 * ["ten-secondly"]` in ../shared/hubspot-openapi/crm-associations-2026-09.json and the crm-*-2026-09.json search
 * operations): CRM search has its own 5 / s instead, the association batch operations have none. Counting them as
 * general calls cost the backfill half its speed (9 association reads per 100 companies).
 */
const RULES: readonly [RegExp, RequestKind][] = [
  [/^POST \/crm\/objects\/2026-09\/[^/]+\/search$/, 'search'],
  [
    /^POST \/crm\/associations\/2026-09\/[^/]+\/[^/]+\/batch\/(read|create|archive|associate\/default|labels\/archive)$/,
    'exempt',
  ],
  [/^POST \/crm\/associations\/2026-09\/usage\/high-usage-report\/[^/]+$/, 'exempt'],
];

/** The limit a HubSpot API request counts against, from its method and path (no query). */
export function rateLimitKind(method: string, path: string): RequestKind {
  const request = `${method.toUpperCase()} ${path}`;
  return RULES.find(([pattern]) => pattern.test(request))?.[1] ?? 'default';
}
