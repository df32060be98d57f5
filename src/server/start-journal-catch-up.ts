import type { Logger } from 'pino';
import { HubSpotApiError } from '../adapters/hubspot/client/hubspot-error.ts';
import { TokenEndpointError } from '../adapters/hubspot/oauth/token-endpoint.ts';
import { type CatchUpDeps, catchUpPortal } from '../pipeline/catch-up-portal.ts';
import type { PortalId } from '../store/store.ts';

export interface JournalCatchUp {
  /** Catches one portal up now (after an install: stores where it starts), after any catch-up of it in flight. */
  catchUp(portalId: PortalId): Promise<void>;
  /** No new round; resolves once what is in flight has stored its progress. */
  stop(): Promise<void>;
}

export interface JournalCatchUpOptions {
  deps: Omit<CatchUpDeps, 'signal'>;
  listPortalIds: () => Promise<PortalId[]>;
  /** Run with a round's portals before they are caught up (e.g. making sure of their journal subscriptions). */
  beforeRound?: (portalIds: readonly PortalId[]) => Promise<void>;
  /** JOURNAL_CATCH_UP_MINUTES in ms; 0 turns the catch-up off. */
  everyMs: number;
  logger: Logger;
}

/**
 * Catches every installed portal up through the Webhooks Journal at start (what happened while the app was down),
 * then every `everyMs` (the stored offsets stay fresh, and uninstalls, which only the journal reports, are seen).
 * A journal that cannot be used (refused credentials, unreachable) is warned about once, not every round: webhooks
 * keep working without it.
 */
export function startJournalCatchUp(options: JournalCatchUpOptions): JournalCatchUp {
  const { logger, everyMs } = options;
  if (everyMs <= 0) {
    logger.info(
      'Webhooks Journal catch-up is off (JOURNAL_CATCH_UP_MINUTES=0): changes made while the app is down are missed',
    );
    return { catchUp: async () => {}, stop: async () => {} };
  }
  const controller = new AbortController();
  const deps: CatchUpDeps = { ...options.deps, signal: controller.signal };
  const inFlight = new Map<PortalId, Promise<void>>();
  const warned = new Set<string>();
  let round: Promise<void> | null = null;

  async function run(portalId: PortalId): Promise<void> {
    if (controller.signal.aborted) return;
    try {
      await catchUpPortal(deps, portalId);
      if (warned.size > 0) {
        warned.clear();
        logger.info({ portalId }, 'the Webhooks Journal works again: catch-up resumed');
      }
    } catch (error) {
      const problem = problemOf(error, everyMs);
      if (!problem) {
        logger.warn(
          { err: error, portalId },
          'journal catch-up failed; it tries again from the same offset next round',
        );
      } else if (!warned.has(problem.key)) {
        warned.add(problem.key);
        logger.warn({ err: error, portalId }, problem.message);
      }
    }
  }

  function catchUp(portalId: PortalId): Promise<void> {
    const next = (inFlight.get(portalId) ?? Promise.resolve()).then(() => run(portalId));
    inFlight.set(portalId, next);
    void next.finally(() => {
      if (inFlight.get(portalId) === next) inFlight.delete(portalId);
    });
    return next;
  }

  function startRound(): void {
    if (round || controller.signal.aborted) return;
    round = (async () => {
      const portalIds = await options.listPortalIds();
      await options.beforeRound?.(portalIds);
      for (const portalId of portalIds) await catchUp(portalId);
    })()
      .catch((error) => logger.error({ err: error }, 'journal catch-up round failed (store); it runs again next round'))
      .finally(() => {
        round = null;
      });
  }

  startRound();
  const timer = setInterval(startRound, everyMs);
  timer.unref();
  return {
    catchUp,
    async stop() {
      controller.abort();
      clearInterval(timer);
      await round;
      await Promise.all(inFlight.values());
    },
  };
}

/** Failures every portal would hit alike, keyed so each is warned about once, with what the operator does. */
function problemOf(error: unknown, everyMs: number): { key: string; message: string } | null {
  const retry = `catch-up tries again every ${Math.round(everyMs / 60_000)} min; webhooks still work`;
  if (error instanceof TokenEndpointError) {
    if (error.kind === 'invalid_client') {
      return {
        key: 'credentials',
        message:
          "HubSpot refused the app's client credentials for the Webhooks Journal (client_credentials grant): check " +
          'HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET. Until then changes made while the app is down are missed and ' +
          `uninstalls are only noticed when a token refresh is refused; ${retry}`,
      };
    }
    return {
      key: 'token',
      message: `could not get the app's client-credentials token for the Webhooks Journal; ${retry}`,
    };
  }
  if (error instanceof HubSpotApiError) {
    if (['network', 'server_error', 'rate_limited', 'daily_limit'].includes(error.kind)) {
      return { key: 'unreachable', message: `the Webhooks Journal is unreachable; ${retry}` };
    }
    if (['token_rejected', 'forbidden', 'missing_scopes'].includes(error.kind)) {
      return {
        key: 'refused',
        message:
          "the Webhooks Journal refused the app's client-credentials token: the app needs the " +
          `developer.webhooks_journal.read scope (HubSpot's journal guide); ${retry}`,
      };
    }
  }
  return null;
}
