import type { PortalId } from '../../../store/store.ts';
import type { HubSpotApi } from '../client/hubspot-api.ts';
import { HubSpotApiError } from '../client/hubspot-error.ts';
import type { OAuth } from './create-oauth.ts';
import { PortalUninstalledError } from './portal-uninstalled-error.ts';

export const EXTERNAL_INSTALL_PATH = '/appinstalls/2026-09/external-install';

/**
 * The admin uninstalls from the app's side: HubSpot removes the installation (specs: app-uninstalls-2026-09.json),
 * then the portal's data goes. If HubSpot cannot be told (5xx, network), nothing is deleted and the error says so,
 * since the app would otherwise stay installed there with its tokens gone.
 */
export async function uninstallFromHubSpot(
  api: Pick<HubSpotApi, 'request'>,
  oauth: Pick<OAuth, 'uninstall'>,
  portalId: PortalId,
): Promise<void> {
  try {
    await api.request(portalId, { method: 'DELETE', path: EXTERNAL_INSTALL_PATH });
  } catch (error) {
    // Already gone on HubSpot's side (uninstalled there, tokens revoked): only the local data is left to delete.
    const gone =
      error instanceof PortalUninstalledError || (error instanceof HubSpotApiError && error.kind === 'not_found');
    if (!gone) throw error;
  }
  await oauth.uninstall(portalId);
}
