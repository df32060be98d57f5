import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { StateError } from '../state/state-error.ts';
import { errorBody, HttpError } from './http-error.ts';

const STATE_STATUS = { invalid: 400, not_found: 404, conflict: 409 } as const;

/** Any path the sandbox does not serve: 404 with HubSpot's error body (not OBJECT_NOT_FOUND: no record is meant). */
export const notFoundRoute: RequestHandler = (req, res) => {
  res
    .status(404)
    .json(
      errorBody(
        'NOT_FOUND',
        `No operation ${req.method} ${req.path}: the sandbox serves what the HubSpot specs describe`,
      ),
    );
};

/**
 * Turns what a route threw into HubSpot's error answer: HttpError and StateError as they say, a body that is not
 * JSON as a 400 like HubSpot's "Invalid input JSON", anything else as a logged 500.
 */
export function handleErrors(logger?: Pick<Logger, 'error'>): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    if (error instanceof HttpError) {
      res.status(error.status).json(error.body());
      return;
    }
    if (error instanceof StateError) {
      const details = error.details.map((d) => ({ ...d }));
      res
        .status(STATE_STATUS[error.kind])
        .json(errorBody(error.category, error.message, { context: error.context, errors: details }));
      return;
    }
    const type = (error as { type?: unknown } | null)?.type;
    if (type === 'entity.parse.failed') {
      res.status(400).json(errorBody('VALIDATION_ERROR', `Invalid input JSON: ${(error as Error).message}`));
      return;
    }
    if (type === 'entity.too.large') {
      res.status(413).json(errorBody('VALIDATION_ERROR', 'The request body is too large.'));
      return;
    }
    logger?.error({ err: error, method: req.method, path: req.path }, 'sandbox route failed');
    res.status(500).json(errorBody('INTERNAL_ERROR', 'The sandbox failed to serve the request; see its log.'));
  };
}
