import { describe, expect, it } from 'vitest';
import {
  HUBSPOT_URI_DECODE_TABLE,
  publicRequestUrl,
  uriForSignature,
} from '../../../src/sources/hubspot/uri-for-signature.ts';

// HubSpot's table, typed out again from the docs so a change to the source table shows up here:
// https://developers.hubspot.com/docs/apps/legacy-apps/authentication/validating-requests#validate-the-v3-request-signature
const DOCUMENTED: [string, string][] = [
  ['%3A', ':'],
  ['%2F', '/'],
  ['%3F', '?'],
  ['%40', '@'],
  ['%21', '!'],
  ['%24', '$'],
  ['%27', "'"],
  ['%28', '('],
  ['%29', ')'],
  ['%2A', '*'],
  ['%2C', ','],
  ['%3B', ';'],
];

describe('uriForSignature', () => {
  it('holds exactly the documented table', () => {
    expect(Object.entries(HUBSPOT_URI_DECODE_TABLE)).toEqual(DOCUMENTED);
  });

  it.each(DOCUMENTED)('decodes %s to %s, in the path and in the query, whatever the hex case', (encoded, decoded) => {
    expect(uriForSignature(`https://churn.example.com/a${encoded}b?q=c${encoded}d`)).toBe(
      `https://churn.example.com/a${decoded}b?q=c${decoded}d`,
    );
    expect(uriForSignature(`https://churn.example.com/x?q=${encoded.toLowerCase()}`)).toBe(
      `https://churn.example.com/x?q=${decoded}`,
    );
  });

  it.each(['%20', '%2B', '%26', '%3D', '%23', '%25', '%5B', '%7E', '%C3%A4'])('leaves %s encoded', (encoded) => {
    const url = `https://churn.example.com/cards?name=a${encoded}b`;
    expect(uriForSignature(url)).toBe(url);
  });

  it('decodes in one pass: an encoded percent sign never forms a new escape', () => {
    expect(uriForSignature('https://churn.example.com/x?q=%253A%2540')).toBe(
      'https://churn.example.com/x?q=%253A%2540',
    );
  });

  it('keeps a URL without escapes as it is, query order included', () => {
    const url = 'https://churn.example.com/cards/hubspot/company-risk?userId=7&portalId=24051987&associatedObjectId=9';
    expect(uriForSignature(url)).toBe(url);
  });
});

describe('publicRequestUrl', () => {
  it('joins the public base URL and the request target as received', () => {
    expect(publicRequestUrl('https://churn.example.com', '/webhooks/hubspot')).toBe(
      'https://churn.example.com/webhooks/hubspot',
    );
    expect(publicRequestUrl('https://churn.example.com/', '/cards?email=a%40b.com&x=1')).toBe(
      'https://churn.example.com/cards?email=a%40b.com&x=1',
    );
  });

  it('keeps a path prefix of the base URL and adds a missing leading slash', () => {
    expect(publicRequestUrl('https://example.com/churn//', 'webhooks/hubspot')).toBe(
      'https://example.com/churn/webhooks/hubspot',
    );
  });
});
