import { describe, expect, it } from 'vitest';
import {
  createClientCredentialsToken,
  JOURNAL_READ_SCOPES,
  RENEW_AHEAD_MS,
} from '../../../../src/adapters/hubspot/journal/client-credentials-token.ts';
import { TokenEndpointError } from '../../../../src/adapters/hubspot/oauth/token-endpoint.ts';

/** A token endpoint handing out `cc-1`, `cc-2`, … living 30 minutes; `fail` makes the next call fail. */
function endpoint() {
  const asked: (readonly string[])[] = [];
  let fail: TokenEndpointError | null = null;
  return {
    asked,
    failNext(error: TokenEndpointError) {
      fail = error;
    },
    async clientCredentials(scopes: readonly string[]) {
      asked.push(scopes);
      await Promise.resolve();
      if (fail) {
        const error = fail;
        fail = null;
        throw error;
      }
      return {
        accessToken: `cc-${asked.length}`,
        refreshToken: null,
        expiresInSeconds: 1800,
        hubId: null,
        scopes: [...scopes],
      };
    },
  };
}

describe('createClientCredentialsToken', () => {
  it('asks once for the journal scope, shares the request, and keeps the token until a minute before expiry', async () => {
    let clock = 0;
    const tokens = endpoint();
    const token = createClientCredentialsToken({ endpoint: tokens, now: () => clock });
    expect(await Promise.all([token.get(), token.get(), token.get()])).toEqual(['cc-1', 'cc-1', 'cc-1']);
    expect(tokens.asked).toEqual([JOURNAL_READ_SCOPES]);

    clock = 1800_000 - RENEW_AHEAD_MS - 1;
    expect(await token.get()).toBe('cc-1');
    clock += 1;
    expect(await token.get()).toBe('cc-2');
    expect(tokens.asked).toHaveLength(2);
  });

  it('asks for a new token after invalidate (HubSpot answered 401)', async () => {
    const tokens = endpoint();
    const token = createClientCredentialsToken({ endpoint: tokens, now: () => 0 });
    expect(await token.get()).toBe('cc-1');
    token.invalidate();
    expect(await token.get()).toBe('cc-2');
  });

  it('passes the endpoint’s refusal on, and asks again on the next call', async () => {
    const tokens = endpoint();
    const token = createClientCredentialsToken({ endpoint: tokens, now: () => 0 });
    tokens.failNext(new TokenEndpointError('invalid_client', 400, 'corr-1'));
    await expect(token.get()).rejects.toMatchObject({ name: 'TokenEndpointError', kind: 'invalid_client' });
    expect(await token.get()).toBe('cc-2');
  });
});
