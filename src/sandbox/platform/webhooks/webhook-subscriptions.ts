import { type AppSubscription, appSubscriptions } from '../../../adapters/hubspot/journal/app-subscriptions.ts';

/** One webhook subscription of the app, with the id HubSpot would have given it. */
export interface WebhookSubscription extends AppSubscription {
  id: number;
}

/**
 * The active subscriptions of a project's `*-hsmeta.json` webhooks component, read as HubSpot reads the uploaded
 * project (the app's own reader of that file), numbered from `firstId` in file order since the file carries no ids. Without `json`, the app's own
 * webhooks/webhooks-hsmeta.json.
 */
export function subscriptionsFromHsmeta(json?: unknown, firstId = 2_901_000): WebhookSubscription[] {
  return appSubscriptions(json).map((subscription, index) => ({ id: firstId + index, ...subscription }));
}
