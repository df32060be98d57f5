import { SETTINGS_PATH } from './api-base-url.ts';
import { ChurnApiError } from './churn-api-error.ts';
import { requestJson } from './request-json.ts';
import { asSettingsAnswer, type SettingsAnswer, type SettingsDocument, type SettingsPageData } from './settings.ts';

const UNREADABLE = 'Churn Signals sent settings this page cannot read: update the app, or try again.';

/** The portal's saved settings, those in effect, and the signal catalog. HubSpot adds the portal to the query. */
export async function fetchSettings(): Promise<SettingsPageData> {
  const body = await requestJson(SETTINGS_PATH, { method: 'GET' });
  const signals = (body as { signals?: unknown }).signals;
  try {
    if (!Array.isArray(signals)) throw new TypeError('no signal catalog');
    return { ...asSettingsAnswer(body), signals };
  } catch {
    throw new ChurnApiError(200, UNREADABLE);
  }
}

/**
 * Saves the document (the server validates it, 400 with the refused fields) and re-scores the portal's companies;
 * resolves with the settings as saved and in effect.
 */
export async function saveSettings(document: SettingsDocument): Promise<SettingsAnswer> {
  const body = await requestJson(SETTINGS_PATH, { method: 'PUT', body: document });
  try {
    return asSettingsAnswer(body);
  } catch {
    throw new ChurnApiError(200, UNREADABLE);
  }
}
