import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';

export interface RequestContext {
  requestId: string;
  log: Logger;
  /** Errors are answered in JSON, except on the pages people open in a browser (OAuth): an HTML page then. */
  errorPage: { title: string } | null;
}

const KEY = 'requestContext';

/**
 * Gives each request an id (answered in X-Request-Id) and a child logger carrying it, and logs one line when the
 * response is sent: method, path, status, duration. The path only: card requests carry the user's email in their
 * query, and no body is ever logged.
 */
export function requestContext(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const requestId = randomUUID();
    const started = performance.now();
    const method = req.method;
    const path = pathOf(req.originalUrl);
    const log = logger.child({ requestId, method, path });
    const context: RequestContext = { requestId, log, errorPage: null };
    res.locals[KEY] = context;
    res.setHeader('X-Request-Id', requestId);
    let logged = false;
    const done = () => {
      if (logged) return;
      logged = true;
      const durationMs = Math.round(performance.now() - started);
      if (res.writableFinished) log.info({ status: res.statusCode, durationMs }, 'request done');
      else log.warn({ status: res.statusCode, durationMs }, 'connection closed before the response was sent');
    };
    res.on('finish', done);
    res.on('close', done);
    next();
  };
}

/** The request's id and logger, set by the requestContext middleware that runs first. */
export function contextOf(res: Response): RequestContext {
  const context = res.locals[KEY] as RequestContext | undefined;
  if (!context) throw new Error('requestContext middleware is not installed before this handler');
  return context;
}

export function pathOf(url: string): string {
  return url.split('?', 1)[0] ?? url;
}
