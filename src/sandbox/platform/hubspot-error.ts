import { randomUUID } from 'node:crypto';
import type { Response } from 'express';

/**
 * HubSpot's error body (the specs' `Error` schema: category, correlationId and message required), with the
 * `status: 'error'` HubSpot puts first: https://developers.hubspot.com/docs/api-reference/error-handling
 */
export interface HubSpotErrorBody {
  status: 'error';
  message: string;
  correlationId: string;
  category: string;
  [field: string]: unknown;
}

export function hubspotErrorBody(
  category: string,
  message: string,
  extra: Record<string, unknown> = {},
): HubSpotErrorBody {
  return { status: 'error', message, correlationId: randomUUID(), category, ...extra };
}

/** Answers `status` with HubSpot's error body; the correlation id also goes out as HubSpot's header. */
export function sendHubSpotError(
  res: Response,
  status: number,
  category: string,
  message: string,
  extra: Record<string, unknown> = {},
): void {
  const body = hubspotErrorBody(category, message, extra);
  res.status(status).set('X-HubSpot-Correlation-Id', body.correlationId).json(body);
}
