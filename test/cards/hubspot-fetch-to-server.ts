import type { HubSpotFetchOptions, HubSpotFetchRequestURI } from '@hubspot/ui-extensions';
import { PUBLIC_BASE_URL, signedFetch, type TestServer } from '../http/server.ts';

/** The HubSpot user the fake `hubspot.fetch` calls for. */
export const USER = { userId: '81234567', userEmail: 'ana.lopez@example.com', appId: '5123456' };

/**
 * `hubspot.fetch` as HubSpot runs it, against a test server: only to the permitted origin (the manifest's
 * placeholder, which the test server takes as its PUBLIC_BASE_URL), the caller appended to the query, the body sent as
 * JSON, the request signed (v3) with the app's secret.
 * https://developers.hubspot.com/docs/apps/developer-platform/add-features/ui-extensibility/fetching-data
 */
export function hubspotFetchTo(server: TestServer, portalId: number) {
  return async (uri: HubSpotFetchRequestURI, options: HubSpotFetchOptions = {}): Promise<Response> => {
    const url = new URL(String(uri));
    if (url.origin !== PUBLIC_BASE_URL) {
      throw new Error(`hubspot.fetch refused ${url.origin}: not in the app's permittedUrls.fetch`);
    }
    url.searchParams.append('userId', USER.userId);
    url.searchParams.append('userEmail', USER.userEmail);
    url.searchParams.append('appId', USER.appId);
    url.searchParams.append('portalId', String(portalId));
    const method = options.method ?? 'GET';
    const body = options.body === undefined ? '' : JSON.stringify(options.body);
    return signedFetch(server, `${url.pathname}${url.search}`, { method, body });
  };
}
