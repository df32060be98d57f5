/**
 * A refusal the HTTP layer answers with as is: `status`, a stable `code` for programs and a `message` written for the
 * person who has to fix the request (an admin, HubSpot support, an operator). Never put secrets or bodies in it.
 * error-handler.ts maps it, with every other error, to the response.
 */
export class HttpError extends Error {
  override name = 'HttpError';
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    if (!Number.isInteger(status) || status < 400 || status > 599) {
      throw new Error(`HttpError status must be an HTTP error status (400-599), got ${status}`);
    }
    this.status = status;
    this.code = code;
  }
}
