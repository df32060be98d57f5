import express, { type Request, type Response, Router } from 'express';
import { sendHubSpotError } from '../hubspot-error.ts';
import { clientCredentialsApp } from './client-credentials-app.ts';
import type { JournalEntry, JournalStore } from './journal-store.ts';

export const JOURNAL_FILE_PATH = '/_sandbox/webhooks-journal/files';
/** How long a journal file URL stays valid, as a presigned download link would. */
const URL_TTL_MS = 60 * 60_000;
const MAX_COUNT = 1_000;

export interface JournalRouteOptions {
  store: JournalStore;
  now: () => number;
  /** The app behind a client-credentials token (the journal's callers). */
  appFor: (token: string) => { appId: number } | null;
}

/**
 * The read operations of webhooks-journal-2026-03.json, global (`journal`) and local (`journal-local`, scoped by
 * installPortalId): earliest, latest, offset/{offset}/next, batch/earliest/{count}, batch/latest/{count},
 * batch/{offset}/next/{count} and batch/read. Each entry answers `JournalFetchResponse` { currentOffset, url,
 * expiresAt }; the url serves the entry's file. An unknown or expired offset is 404; "nothing (newer) yet" is 204
 * for the single-entry reads, whose success the spec leaves undescribed.
 */
export function journalRoutes(options: JournalRouteOptions): Router {
  const { store, now } = options;
  const router = Router();

  const fetchResponse = (req: Request, entry: JournalEntry) => {
    const expiresAt = now() + URL_TTL_MS;
    return {
      currentOffset: entry.offset,
      url: `${req.protocol}://${req.get('host')}${JOURNAL_FILE_PATH}/${entry.offset}?expires=${expiresAt}`,
      expiresAt: new Date(expiresAt).toISOString(),
    };
  };
  const batch = (req: Request, entries: JournalEntry[]) => {
    const at = new Date(now()).toISOString();
    return {
      status: 'COMPLETE',
      results: entries.map((entry) => fetchResponse(req, entry)),
      requestedAt: at,
      startedAt: at,
      completedAt: at,
    };
  };

  /** The caller's app and the portal filter, or an error answered. */
  function scope(req: Request, res: Response): { appId: number; portalId: number | null } | null {
    const app = clientCredentialsApp(req, res, options.appFor, 'Reads of the Webhooks Journal');
    if (!app) return null;
    const raw = new URLSearchParams(req.originalUrl.split('?')[1] ?? '').get('installPortalId');
    if (raw !== null && !/^\d+$/.test(raw)) {
      sendHubSpotError(res, 400, 'VALIDATION_ERROR', `installPortalId must be an integer, got ${raw}`);
      return null;
    }
    return { appId: app.appId, portalId: raw === null ? null : Number(raw) };
  }

  function countOf(req: Request, res: Response): number | null {
    const raw = String(req.params.count);
    if (!/^\d+$/.test(raw) || Number(raw) < 1) {
      sendHubSpotError(res, 400, 'VALIDATION_ERROR', `count must be an integer of at least 1, got ${raw}`);
      return null;
    }
    return Math.min(Number(raw), MAX_COUNT);
  }

  const expired = (res: Response, offset: string) =>
    sendHubSpotError(
      res,
      404,
      'OBJECT_NOT_FOUND',
      `offset ${offset} is unknown or has expired (entries are kept 3 days)`,
    );

  for (const base of ['/webhooks-journal/journal/2026-03', '/webhooks-journal/journal-local/2026-03']) {
    router.get(`${base}/earliest`, (req, res) => {
      const s = scope(req, res);
      if (!s) return;
      const entry = store.visible(s.appId, s.portalId)[0];
      entry ? res.json(fetchResponse(req, entry)) : res.status(204).end();
    });
    router.get(`${base}/latest`, (req, res) => {
      const s = scope(req, res);
      if (!s) return;
      const entry = store.visible(s.appId, s.portalId).at(-1);
      entry ? res.json(fetchResponse(req, entry)) : res.status(204).end();
    });
    router.get(`${base}/offset/:offset/next`, (req, res) => {
      const s = scope(req, res);
      if (!s) return;
      const next = store.after(s.appId, s.portalId, String(req.params.offset), 1);
      if (!next.found) return expired(res, String(req.params.offset));
      const entry = next.value[0];
      entry ? res.json(fetchResponse(req, entry)) : res.status(204).end();
    });
    router.get(`${base}/batch/earliest/:count`, (req, res) => {
      const s = scope(req, res);
      const count = s && countOf(req, res);
      if (!s || !count) return;
      res.json(batch(req, store.visible(s.appId, s.portalId).slice(0, count)));
    });
    router.get(`${base}/batch/latest/:count`, (req, res) => {
      const s = scope(req, res);
      const count = s && countOf(req, res);
      if (!s || !count) return;
      res.json(batch(req, store.visible(s.appId, s.portalId).slice(-count)));
    });
    router.get(`${base}/batch/:offset/next/:count`, (req, res) => {
      const s = scope(req, res);
      const count = s && countOf(req, res);
      if (!s || !count) return;
      const next = store.after(s.appId, s.portalId, String(req.params.offset), count);
      if (!next.found) return expired(res, String(req.params.offset));
      res.json(batch(req, next.value));
    });
    router.post(`${base}/batch/read`, express.json(), (req, res) => {
      const s = scope(req, res);
      if (!s) return;
      const inputs: unknown = (req.body as { inputs?: unknown } | undefined)?.inputs;
      if (!Array.isArray(inputs) || !inputs.every((i) => typeof i === 'string')) {
        sendHubSpotError(res, 400, 'VALIDATION_ERROR', 'the body must be { "inputs": [offset, …] }');
        return;
      }
      const found: JournalEntry[] = [];
      const missing: string[] = [];
      for (const offset of inputs as string[]) {
        const entry = store.get(s.appId, offset);
        if (entry && (s.portalId === null || entry.portalId === s.portalId)) found.push(entry);
        else missing.push(offset);
      }
      if (missing.length === 0) return res.json(batch(req, found));
      res.status(207).json({
        ...batch(req, found),
        numErrors: missing.length,
        errors: missing.map((offset) => ({
          status: 'error',
          category: 'OBJECT_NOT_FOUND',
          message: `offset ${offset} is unknown or has expired`,
          context: { offset: [offset] },
          errors: [],
          links: {},
        })),
      });
    });
  }

  // The file behind a JournalFetchResponse.url: where HubSpot hands out a presigned storage link.
  router.get(`${JOURNAL_FILE_PATH}/:offset`, (req, res) => {
    const entry = store.get(null, String(req.params.offset));
    const expires = Number(new URLSearchParams(req.originalUrl.split('?')[1] ?? '').get('expires'));
    if (!entry || !(expires > now())) {
      res.status(404).json({ message: 'no such journal file, or its link has expired' });
      return;
    }
    res.json({
      offset: entry.offset,
      publishedAt: new Date(entry.publishedAt).toISOString(),
      journalEvents: entry.events,
    });
  });

  return router;
}
