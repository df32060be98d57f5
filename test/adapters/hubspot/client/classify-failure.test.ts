import { describe, expect, it } from 'vitest';
import {
  classifyNetworkError,
  classifyResponse,
  parseRetryAfter,
} from '../../../../src/adapters/hubspot/client/classify-failure.ts';
import { HubSpotApiError } from '../../../../src/adapters/hubspot/client/hubspot-error.ts';
import { DEFAULT_RETRY, retryDelay } from '../../../../src/adapters/hubspot/client/retry-delay.ts';

const NOW = Date.parse('2026-11-15T12:00:00.000Z');
const CORRELATION_ID = 'c033cdaa-2c40-4a64-ae48-b4cec88dad24';

function classify(status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return classifyResponse(status, new Headers(headers), text, NOW);
}

describe('classifyResponse', () => {
  it('reads a 429 body: policy, category and correlation id; retryable', () => {
    const failure = classify(
      429,
      {
        status: 'error',
        message: 'limit',
        errorType: 'RATE_LIMIT',
        policyName: 'TEN_SECONDLY_ROLLING',
        correlationId: CORRELATION_ID,
      },
      { 'Retry-After': '2' },
    );
    expect(failure).toMatchObject({
      kind: 'rate_limited',
      policyName: 'TEN_SECONDLY_ROLLING',
      correlationId: CORRELATION_ID,
      retryable: true,
      retryAfterMs: 2000,
    });
  });

  it.each([
    [500, 'server_error', true],
    [502, 'server_error', true],
    [503, 'server_error', true],
    [400, 'invalid_request', false],
    [401, 'token_rejected', false],
    [403, 'forbidden', false],
    [404, 'not_found', false],
    [409, 'conflict', false],
    [422, 'invalid_request', false],
  ])('classifies %i as %s (retryable: %s)', (status, kind, retryable) => {
    expect(classify(status, { message: 'x', category: 'SOMETHING', correlationId: CORRELATION_ID })).toMatchObject({
      kind,
      retryable,
      status,
    });
  });

  it('copes with a body that is not HubSpot JSON (a proxy’s HTML 502), taking the correlation id from the header', () => {
    const failure = classify(502, '<html>Bad Gateway</html>', { 'x-hubspot-correlation-id': CORRELATION_ID });
    expect(failure).toMatchObject({
      kind: 'server_error',
      category: null,
      correlationId: CORRELATION_ID,
      retryable: true,
    });
  });

  it('collects the required scopes of a 403 MISSING_SCOPES from the top level and from errors[]', () => {
    const failure = classify(403, {
      category: 'MISSING_SCOPES',
      correlationId: CORRELATION_ID,
      message: 'This app hasn’t been granted all required scopes to make this call.',
      context: { requiredGranularScopes: ['crm.objects.companies.write'] },
      errors: [{ message: 'One or more ...', context: { requiredGranularScopes: ['crm.objects.owners.read'] } }],
    });
    expect(failure.kind).toBe('missing_scopes');
    expect(failure.requiredScopes).toEqual(['crm.objects.companies.write', 'crm.objects.owners.read']);
  });
});

describe('parseRetryAfter', () => {
  it('reads delay-seconds and HTTP-dates, and ignores what it cannot read', () => {
    expect(parseRetryAfter('2', NOW)).toBe(2000);
    expect(parseRetryAfter(' 0.5 ', NOW)).toBe(500);
    expect(parseRetryAfter(new Date(NOW + 7000).toUTCString(), NOW)).toBe(7000);
    expect(parseRetryAfter(new Date(NOW - 7000).toUTCString(), NOW)).toBe(0);
    expect(parseRetryAfter('soon', NOW)).toBeNull();
    expect(parseRetryAfter(null, NOW)).toBeNull();
  });
});

describe('classifyNetworkError', () => {
  it('retries what fetch reports as "fetch failed", naming the socket error', () => {
    const error = new TypeError('fetch failed', {
      cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
    });
    expect(classifyNetworkError(error)).toMatchObject({
      kind: 'network',
      status: null,
      category: 'ECONNRESET',
      retryable: true,
    });
  });

  it('does not retry an error no network retry can fix (a malformed base URL)', () => {
    const error = Object.assign(new TypeError('Invalid URL'), { code: 'ERR_INVALID_URL' });
    expect(classifyNetworkError(error)).toMatchObject({
      kind: 'network',
      category: 'ERR_INVALID_URL',
      retryable: false,
    });
  });
});

describe('retryDelay', () => {
  const serverError = classify(503, { message: 'x', category: 'X', correlationId: CORRELATION_ID });

  it('draws a full-jitter delay under an exponentially growing ceiling, capped at maxDelayMs', () => {
    const policy = { ...DEFAULT_RETRY, baseDelayMs: 1000, maxDelayMs: 5000 };
    expect(retryDelay(serverError, 1, policy, () => 0.999).delayMs).toBe(999);
    expect(retryDelay(serverError, 3, policy, () => 0.5).delayMs).toBe(2000);
    expect(retryDelay(serverError, 10, policy, () => 0.5)).toEqual({ delayMs: 2500, imposed: false });
    expect(retryDelay(serverError, 10, policy, () => 0).delayMs).toBe(0);
  });

  it('prefers Retry-After, then the 429 policy’s window', () => {
    const after = classify(503, { message: 'x', category: 'X', correlationId: CORRELATION_ID }, { 'Retry-After': '3' });
    expect(retryDelay(after, 1, DEFAULT_RETRY, () => 0.5)).toEqual({ delayMs: 3000, imposed: true });
    const rolling = classify(429, { message: 'x', policyName: 'TEN_SECONDLY_ROLLING', correlationId: CORRELATION_ID });
    expect(retryDelay(rolling, 1, DEFAULT_RETRY, () => 0.5)).toEqual({ delayMs: 10_000, imposed: true });
  });
});

describe('HubSpotApiError', () => {
  it('names the call, the status, the attempts and what to do, in one line', () => {
    const failure = classify(503, {
      message: 'secret details',
      category: 'SERVICE_UNAVAILABLE',
      correlationId: CORRELATION_ID,
    });
    const error = new HubSpotApiError(failure, {
      portalId: 42,
      method: 'POST',
      path: '/crm/objects/2026-09/companies/batch/update',
      baseUrl: 'https://api.hubapi.com',
      attempts: 5,
    });
    expect(error.message).toBe(
      'HubSpot POST /crm/objects/2026-09/companies/batch/update for portal 42 failed: 503 SERVICE_UNAVAILABLE after ' +
        `5 attempts, correlationId ${CORRELATION_ID}. HubSpot failed on its side; retry later, and quote the ` +
        'correlationId to HubSpot support if it persists.',
    );
    expect(error.message).not.toContain('secret details');
  });
});
