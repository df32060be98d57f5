import { type Request, type Response, Router } from 'express';
import type { AppDeps } from '../app-deps.ts';
import { contextOf } from '../request-context.ts';

/** A store that takes longer than this to answer a primary-key read is as good as down for a load balancer. */
export const READINESS_TIMEOUT_MS = 2_000;

export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/**
 * GET /readyz: 200 when the store answers a cheap call, 503 with a reason otherwise (take the instance out of the
 * load balancer, do not restart it: /healthz says the process itself is alive). GET /metrics: Prometheus text.
 */
export function operationsRoutes(deps: AppDeps): Router {
  const router = Router();
  const probe = deps.readiness ?? (async () => void (await deps.store.getInstallation(0)));

  router.get('/readyz', async (_req: Request, res: Response) => {
    res.setHeader('Cache-Control', 'no-store');
    const failure = await failureOf(probe);
    if (failure === null) {
      res.json({ ready: true });
      return;
    }
    contextOf(res).log.warn({ err: failure.error }, 'not ready: the store did not answer');
    res.status(503).json({ ready: false, reason: failure.reason });
  });

  const { metrics } = deps;
  if (metrics) {
    router.get('/metrics', async (_req: Request, res: Response) => {
      const { log } = contextOf(res);
      const text = await metrics.registry.render((name, error) =>
        log.warn({ err: error, metric: name }, 'metric left out of this scrape: reading it failed'),
      );
      res.setHeader('Cache-Control', 'no-store');
      res.type(PROMETHEUS_CONTENT_TYPE).send(text);
    });
  }
  return router;
}

async function failureOf(probe: () => Promise<void>): Promise<{ reason: string; error: unknown } | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), READINESS_TIMEOUT_MS);
  });
  try {
    const outcome = await Promise.race([probe().then(() => 'ok' as const), timeout]);
    if (outcome === 'ok') return null;
    return { reason: `the store did not answer within ${READINESS_TIMEOUT_MS} ms`, error: null };
  } catch (error) {
    // The error's code or class only: a driver's message can carry a host name or a connection string.
    const code = (error as { code?: unknown } | null)?.code;
    const kind = typeof code === 'string' ? code : error instanceof Error ? error.name : 'error';
    return { reason: `the store did not answer (${kind})`, error };
  } finally {
    clearTimeout(timer);
  }
}
