import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ValidationError } from '../../../core/validation-error.ts';

/** One of the app's webhook subscriptions, as webhooks/webhooks-hsmeta.json declares it. */
export interface AppSubscription {
  /** `contact.propertyChange`, `object.creation`, … */
  subscriptionType: string;
  /** For the generic `object.*` types: the singular object type, `email`. */
  objectType?: string;
  /** For property changes: the one property the subscription is about. */
  propertyName?: string;
}

const Hsmeta = z.object({
  config: z.object({
    subscriptions: z.record(
      z.string(),
      z.array(
        z.object({
          subscriptionType: z.string(),
          objectType: z.string().optional(),
          propertyName: z.string().optional(),
          active: z.boolean().default(true),
        }),
      ),
    ),
  }),
});

const HSMETA_FILE = new URL('../../../../webhooks/webhooks-hsmeta.json', import.meta.url);

/**
 * The active subscriptions of the app's webhooks component (https://developers.hubspot.com/docs/apps/developer-platform/add-features/configure-webhooks):
 * what the app asked HubSpot to tell it, so a journal entry becomes exactly the webhook events HubSpot would have sent
 * for it. The sandbox, as HubSpot's side, reads the file through this too (src/sandbox/platform/webhooks/webhook-subscriptions.ts).
 */
export function appSubscriptions(json: unknown = JSON.parse(readFileSync(HSMETA_FILE, 'utf8'))): AppSubscription[] {
  const parsed = Hsmeta.safeParse(json);
  if (!parsed.success) throw ValidationError.fromZod('webhooks/webhooks-hsmeta.json', parsed.error);
  return Object.values(parsed.data.config.subscriptions)
    .flat()
    .filter((sub) => sub.active)
    .map(({ subscriptionType, objectType, propertyName }) => ({
      subscriptionType,
      ...(objectType === undefined ? {} : { objectType }),
      ...(propertyName === undefined ? {} : { propertyName }),
    }));
}
