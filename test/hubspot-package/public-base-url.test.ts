import { describe, expect, it } from 'vitest';
import { PLACEHOLDER_BASE_URL, publicBaseUrl } from '../../src/hubspot-package/public-base-url.ts';
import { rebaseUrl } from '../../src/hubspot-package/rebase-url.ts';

describe('publicBaseUrl', () => {
  it('falls back to the placeholder with a warning', () => {
    expect(publicBaseUrl({})).toMatchObject({ url: PLACEHOLDER_BASE_URL, warning: expect.stringContaining('not set') });
  });

  it('keeps an https URL, path prefix included, without the trailing slash', () => {
    expect(publicBaseUrl({ PUBLIC_BASE_URL: 'https://acme.io/churn/' })).toEqual({ url: 'https://acme.io/churn' });
    expect(publicBaseUrl({ PUBLIC_BASE_URL: 'http://localhost:3000' })).toEqual({ url: 'http://localhost:3000' });
  });

  it.each(['churn.acme.io', 'http://churn.acme.io', 'https://churn.acme.io/?x=1'])('refuses %s', (value) => {
    expect(() => publicBaseUrl({ PUBLIC_BASE_URL: value })).toThrow(/PUBLIC_BASE_URL/);
  });
});

describe('rebaseUrl', () => {
  it('moves placeholder URLs only', () => {
    expect(rebaseUrl(`${PLACEHOLDER_BASE_URL}/webhooks/hubspot`, 'https://a.io')).toBe('https://a.io/webhooks/hubspot');
    expect(rebaseUrl(PLACEHOLDER_BASE_URL, 'https://a.io')).toBe('https://a.io');
    expect(rebaseUrl('https://churn.example.company/x', 'https://a.io')).toBe('https://churn.example.company/x');
  });
});
