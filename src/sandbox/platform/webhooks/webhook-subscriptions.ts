import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** One webhook subscription of the app, with the id HubSpot would have given it. */
export interface WebhookSubscription {
  id: number;
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

/**
 * The active subscriptions of a project's `*-hsmeta.json` webhooks component
 * (https://developers.hubspot.com/docs/apps/developer-platform/add-features/configure-webhooks), numbered from
 * `firstId` in file order since the file itself carries no ids.
 */
export function subscriptionsFromHsmeta(json: unknown, firstId = 2_901_000): WebhookSubscription[] {
  const groups = Hsmeta.parse(json).config.subscriptions;
  const out: WebhookSubscription[] = [];
  for (const list of Object.values(groups)) {
    for (const sub of list) {
      if (!sub.active) continue;
      out.push({
        id: firstId + out.length,
        subscriptionType: sub.subscriptionType,
        ...(sub.objectType === undefined ? {} : { objectType: sub.objectType }),
        ...(sub.propertyName === undefined ? {} : { propertyName: sub.propertyName }),
      });
    }
  }
  return out;
}

/** The app's own subscriptions: webhooks/webhooks-hsmeta.json of this repository. */
export function appSubscriptions(): WebhookSubscription[] {
  const file = new URL('../../../../webhooks/webhooks-hsmeta.json', import.meta.url);
  return subscriptionsFromHsmeta(JSON.parse(readFileSync(file, 'utf8')));
}
