import { type Request, type Response, Router } from 'express';
import type { AppDeps } from '../app-deps.ts';

/** GET /status (backfill progress per portal, inbox depth) and GET /healthz (the process answers). */
export function statusRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get('/status', async (_req: Request, res: Response) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(await deps.statusReport());
  });
  router.get('/healthz', (_req: Request, res: Response) => {
    res.json({ ok: true });
  });
  return router;
}
