export type SignatureErrorCode =
  | 'missing_signature'
  | 'missing_timestamp'
  | 'bad_timestamp'
  | 'stale_timestamp'
  | 'future_timestamp'
  | 'bad_signature';

/**
 * A request that does not carry a valid HubSpot v3 signature: answer 401. The message tells the operator what to
 * check and never contains the secret, the signature or the body.
 */
export class SignatureError extends Error {
  override name = 'SignatureError';
  readonly status = 401;
  readonly code: SignatureErrorCode;

  constructor(code: SignatureErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
