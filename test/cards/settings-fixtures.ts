import { resolveConfig } from '../../src/core/tenant-config.ts';
import { settingsBody, signalCatalog } from '../../src/http/settings-body.ts';
import { SIGNALS } from '../../src/signals/index.ts';

/** GET /settings/hubspot's answer for a portal that saved `saved`, built by the server's own code. */
export function settingsAnswer(saved: Record<string, unknown> = {}) {
  return JSON.parse(
    JSON.stringify({ ...settingsBody(saved, resolveConfig(saved, SIGNALS)), signals: signalCatalog(SIGNALS) }),
  );
}

/** PUT /settings/hubspot's answer: the settings as saved and in effect. */
export function savedAnswer(saved: Record<string, unknown>) {
  return JSON.parse(JSON.stringify(settingsBody(saved, resolveConfig(saved, SIGNALS))));
}

export const SETTINGS_URL = 'https://churn.example.com/settings/hubspot';
export const SIGNAL_COUNT = SIGNALS.length;
