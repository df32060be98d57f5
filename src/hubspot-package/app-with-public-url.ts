import { z } from 'zod';
import { rebaseUrl } from './rebase-url.ts';

const AppHsmeta = z.looseObject({
  type: z.literal('app'),
  config: z.looseObject({
    auth: z.looseObject({ redirectUrls: z.array(z.string()) }),
    permittedUrls: z.looseObject({ fetch: z.array(z.string()) }),
  }),
});

/** app-hsmeta.json with its OAuth redirect URLs and permitted fetch URLs moved from the placeholder to `baseUrl`. */
export function appWithPublicUrl(json: unknown, baseUrl: string): unknown {
  AppHsmeta.parse(json);
  // A copy of the file as it is (key order kept), not the parsed value.
  const app = structuredClone(json) as z.infer<typeof AppHsmeta>;
  app.config.auth.redirectUrls = app.config.auth.redirectUrls.map((u) => rebaseUrl(u, baseUrl));
  app.config.permittedUrls.fetch = app.config.permittedUrls.fetch.map((u) => rebaseUrl(u, baseUrl));
  return app;
}
