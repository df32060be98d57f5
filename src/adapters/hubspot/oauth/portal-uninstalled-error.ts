import type { PortalId } from '../../../store/store.ts';

/**
 * The portal has no installation any more: never installed, uninstalled, or HubSpot refused its refresh token (the
 * app was uninstalled or its access revoked), in which case its tokens and data are already purged. Retrying cannot
 * help: drop the portal's work; only a reinstall brings it back.
 */
export class PortalUninstalledError extends Error {
  override name = 'PortalUninstalledError';
  readonly status = 410;
  readonly portalId: PortalId;
  /** True when this call found the refresh token refused and purged the portal's data. */
  readonly purged: boolean;

  constructor(portalId: PortalId, options: { purged: boolean }) {
    super(
      options.purged
        ? `HubSpot refused the refresh token of portal ${portalId}: the app was uninstalled there or its access revoked, so the portal's tokens and data were deleted. A super admin of the portal can reinstall the app.`
        : `Portal ${portalId} has not installed the app (or has uninstalled it): nothing can be read or written there until a super admin of the portal installs it.`,
    );
    this.portalId = portalId;
    this.purged = options.purged;
  }
}
