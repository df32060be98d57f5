import { describe, expect, it } from 'vitest';
import { loadEnv } from '../../src/config/env.ts';
import { ValidationError } from '../../src/core/validation-error.ts';
import { caught } from '../helpers/caught.ts';

const valid = {
  HUBSPOT_CLIENT_ID: 'client-id',
  HUBSPOT_CLIENT_SECRET: 'client-secret',
  HUBSPOT_APP_ID: '424242',
  PUBLIC_BASE_URL: 'https://churn.example.com',
  ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
};

function issuePaths(env: Record<string, string | undefined>): string[] {
  return caught(() => loadEnv(env), ValidationError).issues.map((i) => i.path);
}

describe('loadEnv', () => {
  it('fills the defaults', () => {
    expect(loadEnv(valid)).toMatchObject({
      HUBSPOT_APP_ID: 424242,
      HUBSPOT_API_BASE_URL: 'https://api.hubapi.com',
      HUBSPOT_AUTH_BASE_URL: 'https://app.hubspot.com',
      PORT: 3000,
      DATABASE_URL: './data/churn-signals.sqlite',
      LOG_LEVEL: 'info',
      INBOX_LEASE_SECONDS: 30,
    });
  });

  it('accepts a hex key and a previous secret', () => {
    const env = loadEnv({
      ...valid,
      ENCRYPTION_KEY: 'ab'.repeat(32),
      HUBSPOT_PREVIOUS_CLIENT_SECRET: 'old',
      PORT: '8080',
    });
    expect(env.PORT).toBe(8080);
    expect(env.HUBSPOT_PREVIOUS_CLIENT_SECRET).toBe('old');
  });

  it('names every missing variable at once', () => {
    expect(issuePaths({}).sort()).toEqual(
      ['ENCRYPTION_KEY', 'HUBSPOT_APP_ID', 'HUBSPOT_CLIENT_ID', 'HUBSPOT_CLIENT_SECRET', 'PUBLIC_BASE_URL'].sort(),
    );
  });

  it.each([
    ['HUBSPOT_APP_ID', 'my-app'],
    ['PUBLIC_BASE_URL', 'churn.example.com'],
    ['HUBSPOT_API_BASE_URL', 'not a url'],
    ['PORT', '70000'],
    ['PORT', 'eighty'],
    ['ENCRYPTION_KEY', 'too-short'],
    ['LOG_LEVEL', 'loud'],
    ['INBOX_LEASE_SECONDS', '0'],
  ])('rejects a malformed %s (%s)', (name, value) => {
    expect(issuePaths({ ...valid, [name]: value })).toEqual([name]);
  });

  it('treats an empty variable as missing', () => {
    expect(issuePaths({ ...valid, HUBSPOT_CLIENT_SECRET: '' })).toEqual(['HUBSPOT_CLIENT_SECRET']);
  });

  it('never echoes a secret value in its message', () => {
    expect(() => loadEnv({ ...valid, ENCRYPTION_KEY: 'super-secret-but-short' })).toThrow(/ENCRYPTION_KEY/);
    expect(() => loadEnv({ ...valid, ENCRYPTION_KEY: 'super-secret-but-short' })).not.toThrow(/super-secret/);
  });
});
