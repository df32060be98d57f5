import { type HubSpotErrorBody, hubspotErrorBody } from '../platform/hubspot-error.ts';

export type { HubSpotErrorBody };

/** One entry of an error body's `errors` (ErrorDetail in HubSpot's specs). */
export interface ErrorDetail {
  message: string;
  code?: string;
  in?: string;
  context?: Record<string, string[]>;
}

/** HubSpot's error body (hubspot-error.ts), with context and details when there are some. */
export function errorBody(
  category: string,
  message: string,
  extra: { context?: Record<string, string[]>; errors?: ErrorDetail[] } = {},
): HubSpotErrorBody {
  return hubspotErrorBody(category, message, {
    ...(extra.context ? { context: extra.context } : {}),
    ...(extra.errors && extra.errors.length > 0 ? { errors: extra.errors } : {}),
  });
}

/** A request answered with an HTTP error status and HubSpot's error body. */
export class HttpError extends Error {
  override name = 'HttpError';
  readonly status: number;
  readonly category: string;
  readonly context: Record<string, string[]> | undefined;
  readonly errors: ErrorDetail[];

  constructor(
    status: number,
    category: string,
    message: string,
    extra: { context?: Record<string, string[]>; errors?: ErrorDetail[] } = {},
  ) {
    super(message);
    this.status = status;
    this.category = category;
    this.context = extra.context;
    this.errors = extra.errors ?? [];
  }

  body(): HubSpotErrorBody {
    return errorBody(this.category, this.message, { context: this.context, errors: this.errors });
  }
}

export const badRequest = (message: string, extra?: ConstructorParameters<typeof HttpError>[3]) =>
  new HttpError(400, 'VALIDATION_ERROR', message, extra);
