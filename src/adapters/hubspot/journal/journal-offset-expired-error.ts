import type { PortalId } from '../../../store/store.ts';

/**
 * The journal answered 404 for the offset to read after: HubSpot keeps entries 3 days, so it has expired (or was
 * never this app's). What happened since cannot be replayed; the catch-up reconciles the portal instead and starts
 * again from the latest entry.
 */
export class JournalOffsetExpiredError extends Error {
  override name = 'JournalOffsetExpiredError';
  readonly portalId: PortalId;
  readonly offset: string;

  constructor(portalId: PortalId, offset: string, options?: ErrorOptions) {
    super(
      `the Webhooks Journal no longer has offset ${offset} of portal ${portalId} (entries are kept 3 days): ` +
        'the changes since cannot be replayed, the portal is reconciled by re-scoring every company instead',
      options,
    );
    this.portalId = portalId;
    this.offset = offset;
  }
}
