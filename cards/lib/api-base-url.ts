/**
 * The Churn Signals server every `hubspot.fetch` of the card and the settings page calls. It is the manifest's
 * placeholder (manifest/app-hsmeta.json `permittedUrls.fetch`): `npm run hubspot:stage` writes PUBLIC_BASE_URL in its
 * place in the staged copy of these sources, as it does in the manifest, so the two always match.
 */
export const API_BASE_URL = 'https://churn.example.com';

/** The card's data (GET) and actions (POST `/snooze`, `/recalculate`): src/http/routes/company-risk-*.ts. */
export const COMPANY_RISK_PATH = '/cards/hubspot/company-risk';

/** The settings page's data (GET) and save (PUT): src/http/routes/hubspot-settings.ts. */
export const SETTINGS_PATH = '/settings/hubspot';
