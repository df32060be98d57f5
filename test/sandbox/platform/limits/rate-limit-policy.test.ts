import { describe, expect, it } from 'vitest';
import { rateLimitPolicy } from '../../../../src/sandbox/platform/limits/rate-limit-policy.ts';
import { specIndex } from '../../../helpers/contract/spec-index.ts';

describe('rateLimitPolicy', () => {
  it('agrees with every operation of HubSpot’s specs on the ten-secondly exemption', () => {
    const disagreements: string[] = [];
    for (const route of specIndex().routes) {
      for (const op of route.operations) {
        if (op.pathTemplate.startsWith('/oauth/')) continue;
        const path = op.pathTemplate.replace(/\{[^}]+\}/g, 'x1');
        const exempt = ((op.raw['x-hubspot-rate-limit-exemptions'] as string[] | undefined) ?? []).includes(
          'ten-secondly',
        );
        const policy = rateLimitPolicy(op.method, path);
        if (exempt !== (policy !== 'ten-secondly')) disagreements.push(`${op.method} ${op.pathTemplate}: ${policy}`);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('puts CRM search under its own limit and OAuth outside any', () => {
    expect(rateLimitPolicy('POST', '/crm/objects/2026-09/companies/search')).toBe('search');
    expect(rateLimitPolicy('post', '/crm/objects/2026-09/0-1/search/')).toBe('search');
    expect(rateLimitPolicy('POST', '/crm/objects/2026-09/companies/batch/read')).toBe('ten-secondly');
    expect(rateLimitPolicy('POST', '/crm/lists/2026-09/search')).toBe('ten-secondly');
    expect(rateLimitPolicy('POST', '/oauth/2026-09/token')).toBe('exempt');
  });
});
