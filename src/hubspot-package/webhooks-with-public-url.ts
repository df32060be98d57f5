import { z } from 'zod';
import { rebaseUrl } from './rebase-url.ts';

const WebhooksHsmeta = z.looseObject({
  type: z.literal('webhooks'),
  config: z.looseObject({ settings: z.looseObject({ targetUrl: z.string() }) }),
});

/** webhooks-hsmeta.json with its targetUrl moved from the placeholder to `baseUrl`. */
export function webhooksWithPublicUrl(json: unknown, baseUrl: string): unknown {
  WebhooksHsmeta.parse(json);
  // A copy of the file as it is (key order kept), not the parsed value.
  const webhooks = structuredClone(json) as z.infer<typeof WebhooksHsmeta>;
  webhooks.config.settings.targetUrl = rebaseUrl(webhooks.config.settings.targetUrl, baseUrl);
  return webhooks;
}
