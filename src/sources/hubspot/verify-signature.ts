import { timingSafeEqual } from 'node:crypto';
import { SignatureError } from './signature-error.ts';
import { signatureV3 } from './signature-v3.ts';

/** HubSpot: "Reject the request if the timestamp is older than 5 minutes." */
export const SIGNATURE_MAX_AGE_MS = 300_000;
/** How far ahead of this server's clock a timestamp may be before it is refused (clocks drift). */
export const SIGNATURE_MAX_SKEW_MS = 30_000;

const SIGNATURE_HEADER = 'X-HubSpot-Signature-v3';
const TIMESTAMP_HEADER = 'X-HubSpot-Request-Timestamp';

export interface VerifyHubSpotSignatureInput {
  /** The HTTP method as received. */
  method: string;
  /** The full URL HubSpot called, built from PUBLIC_BASE_URL (see publicRequestUrl), never from the Host header. */
  publicUrl: string;
  /** The body bytes exactly as received, before any JSON parsing. */
  rawBody: Buffer | string;
  /** Request headers; names are matched case-insensitively. */
  headers: Record<string, string | string[] | undefined>;
  /** The client secrets to accept: the current one, and the previous one during a rotation. */
  secrets: readonly string[];
  /** Epoch milliseconds. */
  now: number;
  maxAgeMs?: number;
  maxSkewMs?: number;
}

/**
 * Checks HubSpot's v3 request signature (webhooks and `hubspot.fetch` card requests): headers present, timestamp
 * within the window, then the HMAC compared in constant time against each secret. Throws SignatureError (401).
 * https://developers.hubspot.com/docs/apps/legacy-apps/authentication/validating-requests#validate-the-v3-request-signature
 */
export function verifyHubSpotSignature(input: VerifyHubSpotSignatureInput): void {
  const { now, maxAgeMs = SIGNATURE_MAX_AGE_MS, maxSkewMs = SIGNATURE_MAX_SKEW_MS } = input;
  const secrets = input.secrets.filter((secret) => secret !== '');
  if (secrets.length === 0) {
    throw new Error('no HubSpot client secret to verify signatures with: set HUBSPOT_CLIENT_SECRET');
  }
  if (![now, maxAgeMs, maxSkewMs].every((n) => Number.isFinite(n) && n >= 0)) {
    throw new Error('verifyHubSpotSignature: now, maxAgeMs and maxSkewMs must be non-negative numbers');
  }

  const signature = headerValues(input.headers, SIGNATURE_HEADER);
  if (signature.length === 0) {
    throw new SignatureError(
      'missing_signature',
      `${SIGNATURE_HEADER} header is missing: the request was not signed by HubSpot (v1/v2 signatures are not accepted)`,
    );
  }
  const timestamps = headerValues(input.headers, TIMESTAMP_HEADER);
  if (timestamps.length === 0) {
    throw new SignatureError(
      'missing_timestamp',
      `${TIMESTAMP_HEADER} header is missing: HubSpot sends it with every v3 signature`,
    );
  }

  const timestamp = timestamps[0] as string;
  const sentAt = Number(timestamp);
  if (timestamps.length > 1 || !/^\d{1,16}$/.test(timestamp) || !Number.isSafeInteger(sentAt)) {
    throw new SignatureError('bad_timestamp', `${TIMESTAMP_HEADER} must be a single integer of epoch milliseconds`);
  }
  const age = now - sentAt;
  if (age > maxAgeMs) {
    throw new SignatureError(
      'stale_timestamp',
      `${TIMESTAMP_HEADER} is ${seconds(age)} old, beyond the ${seconds(maxAgeMs)} window: a replayed or long-delayed ` +
        "request, or this server's clock is behind (check NTP)",
    );
  }
  if (-age > maxSkewMs) {
    throw new SignatureError(
      'future_timestamp',
      `${TIMESTAMP_HEADER} is ${seconds(-age)} in the future, beyond the ${seconds(maxSkewMs)} allowed clock skew: ` +
        "check this server's clock (NTP)",
    );
  }

  const given = Buffer.from(signature.length === 1 ? (signature[0] as string) : '', 'utf8');
  let matched = false;
  for (const secret of secrets) {
    const expected = Buffer.from(
      signatureV3(secret, { method: input.method, url: input.publicUrl, rawBody: input.rawBody, timestamp }),
      'utf8',
    );
    // timingSafeEqual throws on different lengths; a well-formed signature's length (44) is no secret.
    if (given.length === expected.length && timingSafeEqual(given, expected)) matched = true;
  }
  if (!matched) {
    throw new SignatureError(
      'bad_signature',
      `${SIGNATURE_HEADER} does not match the request to ${withoutQuery(input.publicUrl)}: check ` +
        'HUBSPOT_CLIENT_SECRET (and HUBSPOT_PREVIOUS_CLIENT_SECRET during a rotation), that PUBLIC_BASE_URL is the URL ' +
        'HubSpot calls, and that the body reaches the app unparsed',
    );
  }
}

/** The non-empty values of a header, whatever the case of its name. */
function headerValues(headers: VerifyHubSpotSignatureInput['headers'], name: string): string[] {
  const wanted = name.toLowerCase();
  const values: string[] = [];
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) if (v !== '') values.push(v);
  }
  return values;
}

function seconds(ms: number): string {
  return `${Math.round(ms / 1000)} s`;
}

/** Scheme, host and path: queries of card requests carry user details that do not belong in logs. */
function withoutQuery(url: string): string {
  return url.split(/[?#]/, 1)[0] ?? url;
}
