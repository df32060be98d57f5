import { z } from 'zod';
import { ValidationError } from '../core/validation-error.ts';

/** 32 bytes as base64 (44 chars) or hex (64 chars): the AES-256-GCM key that encrypts tokens at rest. */
const encryptionKey = z
  .string({ message: 'missing: 32 random bytes, e.g. openssl rand -base64 32' })
  .refine((value) => {
    const bytes = /^[0-9a-fA-F]{64}$/.test(value) ? 32 : Buffer.from(value, 'base64').length;
    return bytes === 32;
  }, 'expected 32 random bytes as 64 hex characters or base64 (generate one with: openssl rand -base64 32)');

const url = (hint: string) => z.url({ message: `expected an absolute URL (${hint})` });

const Env = z.object({
  HUBSPOT_CLIENT_ID: z.string({ message: 'missing: the client ID from the app’s Auth settings' }).min(1),
  HUBSPOT_CLIENT_SECRET: z.string({ message: 'missing: the client secret from the app’s Auth settings' }).min(1),
  /** The secret before a rotation: signatures made with it stay valid until HubSpot switches over. */
  HUBSPOT_PREVIOUS_CLIENT_SECRET: z.string().min(1).optional(),
  HUBSPOT_APP_ID: z
    .string({ message: 'missing: the numeric app ID (app settings); the app’s own writes are recognised by it' })
    .regex(/^\d+$/, 'expected the numeric app ID')
    .transform(Number),
  HUBSPOT_API_BASE_URL: url('e.g. https://api.hubapi.com').default('https://api.hubapi.com'),
  HUBSPOT_AUTH_BASE_URL: url('where admins authorize the app, e.g. https://app.hubspot.com').default(
    'https://app.hubspot.com',
  ),
  PUBLIC_BASE_URL: url(
    'the https URL HubSpot calls, e.g. https://churn.example.com; signatures are checked against it',
  ),
  PORT: z
    .string()
    .regex(/^\d+$/, 'expected a port number')
    .transform(Number)
    .refine((port) => port <= 65_535, 'expected a port number up to 65535')
    .default(3000),
  DATABASE_URL: z.string().min(1).default('./data/churn-signals.sqlite'),
  ENCRYPTION_KEY: encryptionKey,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * How long a claim holds its inbox events before another worker may take them: renewed every third of it while
   * they are processed, so it only bounds how long the events of a crashed process wait for a restarted (or another)
   * process.
   */
  INBOX_LEASE_SECONDS: z
    .string()
    .regex(/^[1-9]\d*$/, 'expected whole seconds, e.g. 30')
    .transform(Number)
    .default(30),
  /** How often every portal catches up through the Webhooks Journal (also once at start); 0 turns it off. */
  JOURNAL_CATCH_UP_MINUTES: z
    .string()
    .regex(/^\d+$/, 'expected whole minutes, e.g. 5 (0 turns the Webhooks Journal catch-up off)')
    .transform(Number)
    .default(5),
});

export type AppEnv = z.output<typeof Env>;

/** Reads the server's configuration; every missing or malformed variable is named at once. See .env.example. */
export function loadEnv(env: Record<string, string | undefined> = process.env): AppEnv {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = Env.safeParse(present);
  if (!parsed.success) throw ValidationError.fromZod('environment', parsed.error);
  return parsed.data;
}
