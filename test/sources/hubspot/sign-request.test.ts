import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signHubSpotRequest } from '../../../src/sources/hubspot/sign-request.ts';

const SECRET = 'yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy';

describe('signHubSpotRequest', () => {
  it('returns the three headers HubSpot sends, signed with the documented formula', () => {
    const body = '[{"eventId":1,"portalId":24051987}]';
    const headers = signHubSpotRequest({
      method: 'POST',
      url: 'https://churn.example.com/webhooks/hubspot',
      rawBody: body,
      secret: SECRET,
      timestamp: 1795169540000,
    });
    const expected = createHmac('sha256', SECRET)
      .update(`POSThttps://churn.example.com/webhooks/hubspot${body}1795169540000`)
      .digest('base64');
    expect(headers).toEqual({
      'X-HubSpot-Signature-v3': expected,
      'X-HubSpot-Request-Timestamp': '1795169540000',
      'X-HubSpot-Signature-Version': 'v3',
    });
  });

  it('signs the URI with the decode table applied, like HubSpot', () => {
    const sign = (url: string) =>
      signHubSpotRequest({ method: 'GET', url, rawBody: '', secret: SECRET, timestamp: 1 })['X-HubSpot-Signature-v3'];
    expect(sign('https://churn.example.com/cards?email=a%40b.com')).toBe(
      sign('https://churn.example.com/cards?email=a@b.com'),
    );
    expect(sign('https://churn.example.com/cards?name=a%20b')).not.toBe(
      sign('https://churn.example.com/cards?name=a b'),
    );
  });

  it('signs a Buffer body like the same text', () => {
    const sign = (rawBody: Buffer | string) =>
      signHubSpotRequest({ method: 'POST', url: 'https://h.example/x', rawBody, secret: SECRET, timestamp: 2 });
    expect(sign(Buffer.from('{"name":"Yllä"}', 'utf8'))).toEqual(sign('{"name":"Yllä"}'));
  });
});
