import express, { Router } from 'express';
import { associationsRoutes } from './associations-routes.ts';
import { listsRoutes } from './lists-routes.ts';
import { objectsBasicRoutes } from './objects-basic-routes.ts';
import { objectsBatchRoutes } from './objects-batch-routes.ts';
import { objectsSearchRoute } from './objects-search-route.ts';
import { ownersRoutes } from './owners-routes.ts';
import { propertiesRoutes } from './properties-routes.ts';

/** Batch bodies can be large: 100 tasks with their HTML bodies, or 100 companies with 64 KB summaries. */
const BODY_LIMIT = '20mb';

/** The CRM operations of the dated 2026-09 APIs, each router under its spec's path prefix. */
export function crmRouter(now: () => number): Router {
  const router = Router();
  router.use(express.json({ limit: BODY_LIMIT }));
  router.use('/crm/objects/2026-09', objectsBatchRoutes(now), objectsSearchRoute(), objectsBasicRoutes());
  router.use('/crm/associations/2026-09', associationsRoutes(now));
  router.use('/crm/owners/2026-09', ownersRoutes());
  router.use('/crm/properties/2026-09', propertiesRoutes(now));
  router.use('/crm/lists/2026-09', listsRoutes());
  return router;
}
