import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/core/validation-error.ts';
import { answerFor } from '../../src/http/error-handler.ts';
import { HttpError } from '../../src/http/http-error.ts';
import { SignatureError } from '../../src/sources/hubspot/signature-error.ts';

describe('answerFor: every error mapped in one place', () => {
  it('answers an HttpError with its status, code and message', () => {
    expect(answerFor(new HttpError(403, 'not_installed', 'app not installed for this portal'))).toEqual({
      status: 403,
      code: 'not_installed',
      message: 'app not installed for this portal',
    });
  });

  it('answers a SignatureError with 401 and its code', () => {
    expect(answerFor(new SignatureError('stale_timestamp', 'too old'))).toEqual({
      status: 401,
      code: 'stale_timestamp',
      message: 'too old',
    });
  });

  it('answers a ValidationError with 400, the first issue as message and the issues', () => {
    const issues = [
      { path: '[3].occurredAt', message: 'expected number' },
      { path: '[4].portalId', message: 'expected integer' },
    ];
    expect(answerFor(new ValidationError('webhook batch', issues))).toEqual({
      status: 400,
      code: 'invalid_request',
      message: '[3].occurredAt: expected number',
      issues,
    });
  });

  /** As body-parser raises them (http-errors): an Error with `status` and `type`. */
  const parserError = (status: number, type: string, extra: object = {}) =>
    Object.assign(new Error(`body-parser ${type}`), { status, statusCode: status, expose: true, type, ...extra });

  it.each([
    [parserError(413, 'entity.too.large', { limit: 102_400 }), 413, '100 KB'],
    [parserError(400, 'entity.parse.failed', { body: '{"secret"' }), 400, 'body is not valid JSON'],
    [parserError(415, 'encoding.unsupported'), 415, 'uncompressed'],
  ])('answers body-parser errors (%s)', (error, status, message) => {
    const answer = answerFor(error);
    expect(answer.status).toBe(status);
    expect(answer.message).toContain(message);
  });

  it('hides anything else behind a 500 "internal error", even errors that carry a status', () => {
    expect(answerFor(new Error('SQLITE_BUSY'))).toEqual({
      status: 500,
      code: 'internal_error',
      message: 'internal error',
    });
    expect(answerFor(Object.assign(new Error('secret detail'), { status: 404 }))).toMatchObject({ status: 500 });
    expect(answerFor('a string')).toMatchObject({ status: 500 });
  });

  it('refuses to build an HttpError with a status that is not an error', () => {
    expect(() => new HttpError(200, 'ok', 'fine')).toThrow('HTTP error status (400-599), got 200');
  });
});
