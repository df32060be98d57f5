import { createHmac } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HubSpotWebhookEvent } from '../../../src/adapters/hubspot/bundle.ts';
import { signHubSpotRequest } from '../../../src/sources/hubspot/sign-request.ts';
import { SignatureError, type SignatureErrorCode } from '../../../src/sources/hubspot/signature-error.ts';
import { signatureV3 } from '../../../src/sources/hubspot/signature-v3.ts';
import { HUBSPOT_URI_DECODE_TABLE } from '../../../src/sources/hubspot/uri-for-signature.ts';
import {
  type VerifyHubSpotSignatureInput,
  verifyHubSpotSignature,
} from '../../../src/sources/hubspot/verify-signature.ts';
import { caught } from '../../helpers/caught.ts';

const SECRET = 'client-secret-2026-11';
const OLD_SECRET = 'client-secret-2026-05';
const NOW = Date.parse('2026-11-20T10:12:20.000Z');
const URL_ = 'https://churn.example.com/webhooks/hubspot';
const FIXTURES = new URL('../../fixtures/webhooks/', import.meta.url);
const BODY = readFileSync(new URL('contact-property-change.json', FIXTURES), 'utf8');

/** A request signed by `signHubSpotRequest`, verified with the given overrides. */
function request(over: Partial<VerifyHubSpotSignatureInput> = {}, sign: { secret?: string; at?: number } = {}) {
  const headers = signHubSpotRequest({
    method: 'POST',
    url: URL_,
    rawBody: BODY,
    secret: sign.secret ?? SECRET,
    timestamp: sign.at ?? NOW - 2_000,
  });
  return { method: 'POST', publicUrl: URL_, rawBody: BODY, headers, secrets: [SECRET], now: NOW, ...over };
}

function refusal(input: VerifyHubSpotSignatureInput): SignatureError {
  return caught(() => verifyHubSpotSignature(input), SignatureError);
}

function expectRefused(input: VerifyHubSpotSignatureInput, code: SignatureErrorCode): SignatureError {
  const error = refusal(input);
  expect(error.code).toBe(code);
  expect(error.status).toBe(401);
  for (const secret of input.secrets) expect(error.message).not.toContain(secret);
  expect(error.message).not.toContain(BODY.slice(0, 40));
  const signature = headerOf(input, 'x-hubspot-signature-v3');
  if (signature) expect(error.message).not.toContain(signature);
  return error;
}

function headerOf(input: VerifyHubSpotSignatureInput, name: string): string | undefined {
  const entry = Object.entries(input.headers).find(([key]) => key.toLowerCase() === name);
  return typeof entry?.[1] === 'string' ? entry[1] : undefined;
}

function withHeaders(input: VerifyHubSpotSignatureInput, headers: VerifyHubSpotSignatureInput['headers']) {
  return { ...input, headers: { ...input.headers, ...headers } };
}

describe('verifyHubSpotSignature: known signatures', () => {
  // The v3 vector in HubSpot's own Python SDK (tests/spec/utils/test_signature.py, hubspot-api-python): the docs
  // give the formula but no v3 example with its expected value.
  const vector = {
    method: 'POST',
    publicUrl: 'https://www.example.com/webhook_uri',
    rawBody: "{'example_field':'example_value'}",
    secret: 'yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy',
    timestamp: '15000000',
    signature: 'HPW73RUtKmcYoEDADG0s6MmGFWUzWJKAW07r8RDgcQw=',
  };

  it("accepts HubSpot's published v3 test vector", () => {
    expect(signatureV3(vector.secret, { ...vector, url: vector.publicUrl })).toBe(vector.signature);
    expect(() =>
      verifyHubSpotSignature({
        ...vector,
        headers: { 'x-hubspot-signature-v3': vector.signature, 'x-hubspot-request-timestamp': vector.timestamp },
        secrets: [vector.secret],
        now: 15_000_000 + 60_000,
      }),
    ).not.toThrow();
  });

  it('accepts a signature computed independently from the documented formula', () => {
    const timestamp = String(NOW - 1_000);
    const signature = createHmac('sha256', SECRET).update(`POST${URL_}${BODY}${timestamp}`, 'utf8').digest('base64');
    expect(() =>
      verifyHubSpotSignature({
        ...request(),
        headers: { 'x-hubspot-signature-v3': signature, 'x-hubspot-request-timestamp': timestamp },
      }),
    ).not.toThrow();
  });

  it.each(Object.entries(HUBSPOT_URI_DECODE_TABLE))('checks the URI with %s decoded to %s', (encoded, decoded) => {
    const timestamp = String(NOW);
    const called = `https://churn.example.com/cards/hubspot/company-risk?portalId=24051987&v=a${encoded}b`;
    const signed = `https://churn.example.com/cards/hubspot/company-risk?portalId=24051987&v=a${decoded}b`;
    const hmac = (uri: string) => createHmac('sha256', SECRET).update(`GET${uri}${timestamp}`).digest('base64');
    const input = (signature: string) => ({
      method: 'GET',
      publicUrl: called,
      rawBody: '',
      headers: { 'x-hubspot-signature-v3': signature, 'x-hubspot-request-timestamp': timestamp },
      secrets: [SECRET],
      now: NOW,
    });
    expect(() => verifyHubSpotSignature(input(hmac(signed)))).not.toThrow();
    expectRefused(input(hmac(called)), 'bad_signature');
  });
});

describe('verifyHubSpotSignature: fixtures', () => {
  const files = readdirSync(FIXTURES).filter((name) => name.endsWith('.json'));

  it('has the webhook batches the pipeline needs', () => {
    expect(files.sort()).toEqual([
      'company-merge.json',
      'contact-association-removed.json',
      'contact-property-change.json',
      'deal-property-change-own-write.json',
    ]);
  });

  it.each(files)('%s: real HubSpot event shapes, signed and verified as raw text', (file) => {
    const text = readFileSync(new URL(file, FIXTURES), 'utf8');
    const batch = z.array(HubSpotWebhookEvent).min(1).max(100).parse(JSON.parse(text));
    expect(new Set(batch.map((event) => event.portalId))).toEqual(new Set([24051987]));

    const input = request({ rawBody: Buffer.from(text, 'utf8') });
    input.headers = signHubSpotRequest({ method: 'POST', url: URL_, rawBody: text, secret: SECRET, timestamp: NOW });
    expect(() => verifyHubSpotSignature(input)).not.toThrow();

    // Re-serialised JSON is not what was signed: the verifier needs the raw body.
    expectRefused({ ...input, rawBody: JSON.stringify(JSON.parse(text)) }, 'bad_signature');
    expectRefused({ ...input, rawBody: text.replace('"attemptNumber": 0', '"attemptNumber": 1') }, 'bad_signature');
  });

  it('marks the own-write batch as written by our app (INTEGRATION, sourceId = appId)', () => {
    const text = readFileSync(new URL('deal-property-change-own-write.json', FIXTURES), 'utf8');
    const batch = z.array(HubSpotWebhookEvent).parse(JSON.parse(text));
    expect(batch.map((e) => [e.subscriptionType, e.changeSource, e.sourceId === String(e.appId)])).toEqual([
      ['deal.propertyChange', 'INTEGRATION', true],
      ['company.propertyChange', 'INTEGRATION', true],
    ]);
  });
});

describe('verifyHubSpotSignature: accepts', () => {
  it('a fresh request signed with the current secret, headers in any case', () => {
    expect(() => verifyHubSpotSignature(request())).not.toThrow();
    const lower = Object.fromEntries(Object.entries(request().headers).map(([k, v]) => [k.toLowerCase(), v]));
    expect(() => verifyHubSpotSignature(request({ headers: lower }))).not.toThrow();
  });

  it('a body given as a Buffer, non-ASCII included', () => {
    const text = '[{"propertyName":"firstname","propertyValue":"Yllä Åström"}]';
    const headers = signHubSpotRequest({ method: 'POST', url: URL_, rawBody: text, secret: SECRET, timestamp: NOW });
    expect(() => verifyHubSpotSignature(request({ rawBody: Buffer.from(text, 'utf8'), headers }))).not.toThrow();
  });

  it('during a rotation, the previous secret when it is listed', () => {
    const oldSigned = request({ secrets: [SECRET, OLD_SECRET] }, { secret: OLD_SECRET });
    expect(() => verifyHubSpotSignature(oldSigned)).not.toThrow();
    expect(() => verifyHubSpotSignature(request({ secrets: [SECRET, OLD_SECRET] }))).not.toThrow();
  });

  it('a timestamp exactly 5 minutes old, or ahead by no more than the allowed skew', () => {
    expect(() => verifyHubSpotSignature(request({}, { at: NOW - 300_000 }))).not.toThrow();
    expect(() => verifyHubSpotSignature(request({}, { at: NOW + 30_000 }))).not.toThrow();
    expect(() => verifyHubSpotSignature(request({ maxSkewMs: 60_000 }, { at: NOW + 60_000 }))).not.toThrow();
  });

  it('a single-valued header given as an array', () => {
    const input = request();
    const headers = Object.fromEntries(Object.entries(input.headers).map(([k, v]) => [k, [v as string]]));
    expect(() => verifyHubSpotSignature({ ...input, headers })).not.toThrow();
  });
});

describe('verifyHubSpotSignature: refuses', () => {
  it('a tampered body', () => {
    expectRefused(request({ rawBody: BODY.replace('51001', '51009') }), 'bad_signature');
    expectRefused(request({ rawBody: `${BODY}\n` }), 'bad_signature');
  });

  it('another method', () => {
    expectRefused(request({ method: 'PUT' }), 'bad_signature');
  });

  it('another URL: path, query, query order, host or scheme', () => {
    const signedFor = (url: string, publicUrl: string) => {
      const headers = signHubSpotRequest({ method: 'GET', url, rawBody: '', secret: SECRET, timestamp: NOW });
      return request({ method: 'GET', rawBody: '', publicUrl, headers });
    };
    const card = 'https://churn.example.com/cards/hubspot/company-risk?portalId=24051987&associatedObjectId=9';
    expect(() => verifyHubSpotSignature(signedFor(card, card))).not.toThrow();
    for (const other of [
      card.replace('company-risk', 'company-risks'),
      card.replace('portalId=24051987', 'portalId=24051988'),
      'https://churn.example.com/cards/hubspot/company-risk?associatedObjectId=9&portalId=24051987',
      card.replace('churn.example.com', 'internal-proxy:8080'),
      card.replace('https:', 'http:'),
    ]) {
      expectRefused(signedFor(card, other), 'bad_signature');
    }
  });

  it('a signature made with another secret, or with the previous secret once it is no longer listed', () => {
    const error = expectRefused(request({}, { secret: 'someone-else' }), 'bad_signature');
    expect(error.message).toMatch(/HUBSPOT_CLIENT_SECRET/);
    expect(error.message).toMatch(/PUBLIC_BASE_URL is the URL HubSpot calls/);
    expect(error.message).toContain('https://churn.example.com/webhooks/hubspot');
    expectRefused(request({}, { secret: OLD_SECRET }), 'bad_signature');
  });

  it('a stale timestamp, even with a valid signature', () => {
    const error = expectRefused(request({}, { at: NOW - 300_001 }), 'stale_timestamp');
    expect(error.message).toMatch(/X-HubSpot-Request-Timestamp is 300 s old, beyond the 300 s window/);
    expectRefused(request({ maxAgeMs: 60_000 }, { at: NOW - 60_001 }), 'stale_timestamp');
  });

  it('a timestamp in the future beyond the clock-skew allowance', () => {
    const error = expectRefused(request({}, { at: NOW + 30_001 }), 'future_timestamp');
    expect(error.message).toMatch(/in the future, beyond the 30 s allowed clock skew/);
    expectRefused(request({ maxSkewMs: 0 }, { at: NOW + 1 }), 'future_timestamp');
  });

  it('a request without a signature or without a timestamp, however the rest looks', () => {
    const input = request();
    const without = (name: string) =>
      Object.fromEntries(Object.entries(input.headers).filter(([key]) => key.toLowerCase() !== name));
    expectRefused({ ...input, headers: without('x-hubspot-signature-v3') }, 'missing_signature');
    expectRefused({ ...input, headers: without('x-hubspot-request-timestamp') }, 'missing_timestamp');
    expectRefused({ ...input, headers: {} }, 'missing_signature');
    expectRefused(withHeaders(input, { 'X-HubSpot-Signature-v3': '' }), 'missing_signature');
    expectRefused(withHeaders(input, { 'X-HubSpot-Signature-v3': undefined }), 'missing_signature');
    expectRefused(withHeaders(input, { 'X-HubSpot-Request-Timestamp': [] }), 'missing_timestamp');
  });

  it.each([
    'soon',
    '1795169540000.5',
    '1.79516954e12',
    '-1795169540000',
    ' 1795169540000',
    '0x1A2B',
    '12345678901234567',
  ])('a malformed timestamp (%j)', (timestamp) => {
    expectRefused(withHeaders(request(), { 'X-HubSpot-Request-Timestamp': timestamp }), 'bad_timestamp');
  });

  it('two timestamp headers, or two signature headers', () => {
    const input = request();
    const ts = input.headers['X-HubSpot-Request-Timestamp'] as string;
    const sig = input.headers['X-HubSpot-Signature-v3'] as string;
    expectRefused(withHeaders(input, { 'X-HubSpot-Request-Timestamp': [ts, ts] }), 'bad_timestamp');
    expectRefused(withHeaders(input, { 'X-HubSpot-Signature-v3': [sig, sig] }), 'bad_signature');
  });

  it('a signature of another length, without throwing anything but a SignatureError', () => {
    const input = request();
    const sig = input.headers['X-HubSpot-Signature-v3'] as string;
    const hex = Buffer.from(sig, 'base64').toString('hex');
    for (const other of [sig.slice(0, -1), `${sig}=`, sig.replace(/=$/, ''), hex, 'bm90LWEtc2lnbmF0dXJl']) {
      expectRefused(withHeaders(input, { 'X-HubSpot-Signature-v3': other }), 'bad_signature');
    }
  });

  it('checks headers first, then the timestamp, then the signature', () => {
    const forged = { 'X-HubSpot-Signature-v3': 'Zm9yZ2Vk' };
    expectRefused(withHeaders(request(), { ...forged, 'X-HubSpot-Request-Timestamp': undefined }), 'missing_timestamp');
    expectRefused(withHeaders(request({}, { at: NOW - 400_000 }), forged), 'stale_timestamp');
    expectRefused(withHeaders(request({}, { at: NOW + 400_000 }), forged), 'future_timestamp');
    expectRefused(withHeaders(request(), { ...forged, 'X-HubSpot-Request-Timestamp': 'soon' }), 'bad_timestamp');
  });
});

describe('verifyHubSpotSignature: configuration mistakes', () => {
  it('fails loudly (not as a 401) without any secret', () => {
    expect(() => verifyHubSpotSignature(request({ secrets: [] }))).toThrow(/set HUBSPOT_CLIENT_SECRET/);
    expect(() => verifyHubSpotSignature(request({ secrets: [''] }))).toThrow(/set HUBSPOT_CLIENT_SECRET/);
    expect(caught(() => verifyHubSpotSignature(request({ secrets: [] })), Error)).not.toBeInstanceOf(SignatureError);
  });

  it('refuses a negative or non-numeric window', () => {
    expect(() => verifyHubSpotSignature(request({ maxAgeMs: -1 }))).toThrow(/non-negative/);
    expect(() => verifyHubSpotSignature(request({ now: Number.NaN }))).toThrow(/non-negative/);
  });
});
