import { createHmac } from 'node:crypto';
import { uriForSignature } from './uri-for-signature.ts';

export interface SignatureV3Input {
  /** The HTTP method as sent, e.g. POST. */
  method: string;
  /** The full URL HubSpot called, https://host/path?query, still percent-encoded as on the wire. */
  url: string;
  /** The body bytes as received; a string is taken as UTF-8. */
  rawBody: Buffer | string;
  /** X-HubSpot-Request-Timestamp exactly as sent (epoch milliseconds). */
  timestamp: string;
}

/**
 * base64(HMAC-SHA256(client secret, method + URI + body + timestamp)), HubSpot's v3 request signature:
 * https://developers.hubspot.com/docs/apps/legacy-apps/authentication/validating-requests#validate-the-v3-request-signature
 * The body goes in as bytes: decoding and re-encoding it could change what was signed.
 */
export function signatureV3(secret: string, input: SignatureV3Input): string {
  return createHmac('sha256', secret)
    .update(input.method + uriForSignature(input.url), 'utf8')
    .update(typeof input.rawBody === 'string' ? Buffer.from(input.rawBody, 'utf8') : input.rawBody)
    .update(input.timestamp, 'utf8')
    .digest('base64');
}
