import type { NextFunction, Request, Response } from 'express';
import { HubSpotApiError } from '../adapters/hubspot/client/hubspot-error.ts';
import { ValidationError, type ValidationIssue } from '../core/validation-error.ts';
import { SignatureError } from '../sources/hubspot/signature-error.ts';
import { htmlPage } from './html-page.ts';
import { HttpError } from './http-error.ts';
import { contextOf, pathOf } from './request-context.ts';

export interface ErrorAnswer {
  status: number;
  code: string;
  message: string;
  issues?: readonly ValidationIssue[];
}

/** A response lists this many issues at most; a batch of 100 broken events would otherwise answer with hundreds. */
const MAX_ISSUES = 20;

/**
 * The one place errors become responses. Refusals (4xx) are answered with their reason and logged as warnings;
 * anything unexpected is a 500 "internal error" whose details (message, stack) go to the log with the request id
 * only, never to the client, and never with the request body.
 */
export function answerFor(error: unknown): ErrorAnswer {
  if (error instanceof HttpError) return { status: error.status, code: error.code, message: error.message };
  if (error instanceof SignatureError) return { status: 401, code: error.code, message: error.message };
  if (error instanceof ValidationError) {
    const first = error.issues[0];
    return {
      status: 400,
      code: 'invalid_request',
      message: first ? `${first.path || '(root)'}: ${first.message}` : error.message,
      issues: error.issues.slice(0, MAX_ISSUES),
    };
  }
  const parser = bodyParserAnswer(error);
  if (parser) return parser;
  if (error instanceof HubSpotApiError) {
    const reference = error.correlationId ? `, HubSpot correlation id ${error.correlationId}` : '';
    return {
      status: 502,
      code: 'hubspot_error',
      message: `HubSpot did not complete the request (${error.kind}${reference}): try again in a few minutes`,
    };
  }
  return { status: 500, code: 'internal_error', message: 'internal error' };
}

/** Errors of express.raw / express.json (body-parser, http-errors): they carry a `type` and a `status`. */
function bodyParserAnswer(error: unknown): ErrorAnswer | null {
  if (!(error instanceof Error)) return null;
  const { type, status, limit } = error as Error & { type?: unknown; status?: unknown; limit?: unknown };
  if (typeof type !== 'string' || typeof status !== 'number') return null;
  switch (type) {
    case 'entity.too.large':
      return {
        status: 413,
        code: 'body_too_large',
        message: `request body is larger than the ${typeof limit === 'number' ? bytes(limit) : 'size'} this endpoint accepts`,
      };
    case 'entity.parse.failed':
      return { status: 400, code: 'invalid_json', message: 'body is not valid JSON' };
    case 'encoding.unsupported':
      return { status: 415, code: 'unsupported_encoding', message: 'send the body uncompressed (no Content-Encoding)' };
    case 'request.aborted':
      return { status: 400, code: 'request_aborted', message: 'the client closed the request before sending its body' };
    default:
      return status >= 400 && status < 500 ? { status, code: type.replace(/\W+/g, '_'), message: error.message } : null;
  }
}

function bytes(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KB`;
  return `${n} bytes`;
}

export function errorHandler() {
  return (error: unknown, _req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) {
      next(error); // Express closes the connection: nothing else can be said
      return;
    }
    const { requestId, log, errorPage } = contextOf(res);
    const answer = answerFor(error);
    if (answer.status >= 500) {
      log.error({ err: loggable(error), status: answer.status }, 'request failed');
    } else {
      log.warn({ status: answer.status, code: answer.code, reason: answer.message }, 'request refused');
    }
    res.status(answer.status);
    if (errorPage) {
      const title = answer.status >= 500 ? 'Something went wrong' : errorPage.title;
      res.type('html').send(htmlPage(title, [answer.message, `Request id: ${requestId}`]));
      return;
    }
    const { code, message, issues } = answer;
    res.json({ error: code, message, ...(issues ? { issues } : {}), requestId });
  };
}

/** Name, message, stack (and the cause's): never the whole object, some carry the body they failed on (body-parser). */
export function loggable(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: String(error) };
  const cause = error.cause instanceof Error ? `${error.cause.name}: ${error.cause.message}` : undefined;
  return { type: error.name, message: error.message, stack: error.stack, ...(cause ? { cause } : {}) };
}

/** The last route: anything not matched so far. */
export function notFound() {
  return (req: Request): never => {
    throw new HttpError(404, 'not_found', `no route for ${req.method} ${pathOf(req.originalUrl)}`);
  };
}
