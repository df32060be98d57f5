import { type DestinationStream, type Logger, pino } from 'pino';

/**
 * Paths pino censors wherever they appear one or two levels down. Logs carry tenant and event ids, never bodies:
 * this list is the safety net for a token or secret that slips into a logged object anyway.
 */
export const REDACTED_PATHS = [
  'accessToken',
  'refreshToken',
  'access_token',
  'refresh_token',
  'clientSecret',
  'client_secret',
  'authorization',
  'password',
  'secret',
  '*.accessToken',
  '*.refreshToken',
  '*.access_token',
  '*.refresh_token',
  '*.clientSecret',
  '*.client_secret',
  '*.authorization',
  '*.secret',
  'headers.authorization',
  'headers.cookie',
  'headers["x-hubspot-signature-v3"]',
  'headers["x-hubspot-signature"]',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-hubspot-signature-v3"]',
  'req.headers["x-hubspot-signature"]',
  'body',
  'req.body',
  'rawBody',
];

export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { app: 'churn-signals' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination,
  );
}
