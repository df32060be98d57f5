import { signatureV3 } from './signature-v3.ts';

export interface SignHubSpotRequestInput {
  method: string;
  /** The full URL to call, https://host/path?query. */
  url: string;
  rawBody: Buffer | string;
  secret: string;
  /** Epoch milliseconds. */
  timestamp: number;
}

/**
 * The headers HubSpot would send with this request, signed like HubSpot signs (v3), for tests and the local sandbox.
 * Uses the verifier's canonicalisation (signatureV3), so the two cannot drift apart.
 */
export function signHubSpotRequest(input: SignHubSpotRequestInput): Record<string, string> {
  const timestamp = String(input.timestamp);
  return {
    'X-HubSpot-Signature-v3': signatureV3(input.secret, {
      method: input.method,
      url: input.url,
      rawBody: input.rawBody,
      timestamp,
    }),
    'X-HubSpot-Request-Timestamp': timestamp,
    'X-HubSpot-Signature-Version': 'v3',
  };
}
