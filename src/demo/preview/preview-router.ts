import { type Request, type Response, Router } from 'express';
import { portfolioSummary } from './portfolio-summary.ts';
import type { PreviewAccount } from './preview-account.ts';
import { PREVIEW_CSP, previewPage } from './preview-page.ts';

export interface PreviewRouterOptions {
  /** The accounts to show, read on every request so the page follows the demo timeline (accounts-from-store.ts). */
  readAccounts: () => Promise<PreviewAccount[]>;
}

/**
 * The demo's local page: `GET /preview` (the portfolio and the risk card preview) and `GET /preview/api/portfolio`
 * (its data, portfolio-summary.ts). Mount it at the root of the demo's app, or under a prefix: the page finds its API
 * relative to its own path.
 */
export function previewRouter(options: PreviewRouterOptions): Router {
  const router = Router();
  const page = previewPage();

  router.get('/preview', (_req: Request, res: Response) => {
    res.setHeader('Content-Security-Policy', PREVIEW_CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'no-store');
    res.type('html').send(page);
  });

  router.get('/preview/api/portfolio', async (_req: Request, res: Response) => {
    const portfolio = portfolioSummary(await options.readAccounts());
    res.setHeader('Cache-Control', 'no-store');
    res.json(portfolio);
  });

  return router;
}
