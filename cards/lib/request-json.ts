import { type HubSpotFetchOptions, hubspot } from '@hubspot/ui-extensions';
import { API_BASE_URL } from './api-base-url.ts';
import { ChurnApiError, errorFromResponse } from './churn-api-error.ts';

/**
 * Calls the Churn Signals server through `hubspot.fetch`, which signs the request and adds the portal and user to
 * the query (https://developers.hubspot.com/docs/apps/developer-platform/add-features/ui-extensibility/fetching-data),
 * and returns the JSON answer. Rejects with a ChurnApiError whose message can be shown as is.
 */
export async function requestJson(pathAndQuery: string, options: HubSpotFetchOptions = {}): Promise<unknown> {
  let response: Response;
  try {
    response = await hubspot.fetch(`${API_BASE_URL}${pathAndQuery}`, options);
  } catch (error) {
    const reason = error instanceof Error && error.message ? ` (${error.message})` : '';
    throw new ChurnApiError(0, `Could not reach Churn Signals${reason}: check your connection and try again.`);
  }
  const body = await readJson(response);
  if (!response.ok) throw errorFromResponse(response.status, body);
  if (body === undefined) {
    throw new ChurnApiError(response.status, 'Churn Signals sent an answer this page cannot read: try again.');
  }
  return body;
}

/** The parsed body; undefined when there is none or it is not JSON (a proxy's HTML error page). */
async function readJson(response: Response): Promise<unknown> {
  try {
    return JSON.parse(await response.text());
  } catch {
    return undefined;
  }
}
