import type { Logger } from 'pino';
import type { PortalId } from '../../../store/store.ts';
import type { HubSpotApi } from '../client/hubspot-api.ts';
import { type AppJournalApiOptions, appJournalApi } from './app-journal-api.ts';
import type { AppSubscription } from './app-subscriptions.ts';
import { JOURNAL_SUBSCRIPTION_SCOPES } from './client-credentials-token.ts';
import { APP_LEVEL, ensureJournalSubscriptions, SUBSCRIPTIONS_PATH } from './ensure-journal-subscriptions.ts';

export interface JournalSubscriptions {
  /**
   * Creates the Webhooks Journal subscriptions these portals (and the app) lack, once per portal and process: a
   * portal whose subscriptions failed is tried again on the next call. `again` checks the portals anew (an install).
   * Never rejects: failures are logged.
   */
  ensure(portalIds: readonly PortalId[], options?: { again?: boolean }): Promise<void>;
  /** After an uninstall: deletes the portal's subscriptions. Never rejects: a failure is logged. */
  remove(portalId: PortalId): Promise<void>;
}

export interface AppJournalSubscriptionsOptions extends AppJournalApiOptions {
  logger: Pick<Logger, 'info' | 'warn' | 'error' | 'debug'>;
  /** The journal's API client; by default one with the app's client-credentials token (app-journal-api.ts). */
  api?: Pick<HubSpotApi, 'request'>;
  subscriptions?: readonly AppSubscription[];
}

/**
 * The app's Webhooks Journal subscriptions over a process's life (ensure-journal-subscriptions.ts): checked for each
 * portal at start, at its install and after a failure, then remembered. Calls run one at a time, so an install and a
 * catch-up round never create the same subscription twice.
 */
export function appJournalSubscriptions(options: AppJournalSubscriptionsOptions): JournalSubscriptions {
  const { logger } = options;
  const api = options.api ?? appJournalApi(options, JOURNAL_SUBSCRIPTION_SCOPES);
  const deps = { api, logger, ...(options.subscriptions ? { subscriptions: options.subscriptions } : {}) };
  const ensured = new Set<PortalId>();
  let lifecycle = false;
  let queue = Promise.resolve();
  const enqueue = (work: () => Promise<void>) => {
    queue = queue
      .then(work)
      .catch((error) => logger.error({ err: error }, 'Webhooks Journal subscriptions: unexpected failure'));
    return queue;
  };

  return {
    ensure(portalIds, ensureOptions = {}) {
      return enqueue(async () => {
        if (ensureOptions.again) for (const portalId of portalIds) ensured.delete(portalId);
        const pending = portalIds.filter((portalId) => !ensured.has(portalId));
        if (pending.length === 0 && lifecycle) return;
        const report = await ensureJournalSubscriptions(deps, pending);
        for (const portalId of report.ensured) ensured.add(portalId);
        lifecycle ||= report.lifecycle;
      });
    },
    remove(portalId) {
      ensured.delete(portalId);
      return enqueue(async () => {
        try {
          await api.request(APP_LEVEL, { method: 'DELETE', path: `${SUBSCRIPTIONS_PATH}/portals/${portalId}` });
          logger.info({ portalId }, 'Webhooks Journal subscriptions of the uninstalled portal deleted');
        } catch (error) {
          logger.warn(
            { err: error, portalId },
            "deleting the uninstalled portal's Webhooks Journal subscriptions failed: they stay in HubSpot (harmless: " +
              `the app reads no journal of a portal it is not installed in) until DELETE ${SUBSCRIPTIONS_PATH}/portals/` +
              `${portalId} with the app's client-credentials token, or a reinstall reuses them`,
          );
        }
      });
    },
  };
}
