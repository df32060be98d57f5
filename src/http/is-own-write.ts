import type { HubSpotWebhookEvent } from '../adapters/hubspot/bundle.ts';

/**
 * A change the app made itself, coming back as an event (DESIGN §5: drop it, or every write would loop). HubSpot marks
 * changes made through an app's API calls with `changeSource` INTEGRATION and the app's id, as a string, in
 * `sourceId` (e.g. `"sourceId": "5123456"`); other apps' writes carry their own id there, users' `userId:…`.
 * `appId` cannot tell: it is the id of the app the subscription belongs to, ours on every event.
 */
export function isOwnWrite(event: HubSpotWebhookEvent, appId: number): boolean {
  return event.changeSource === 'INTEGRATION' && event.sourceId === String(appId);
}
