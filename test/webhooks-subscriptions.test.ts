import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const config = JSON.parse(readFileSync(new URL('../webhooks/webhooks-hsmeta.json', import.meta.url), 'utf8'));
const legacy: { subscriptionType: string; propertyName?: string }[] = config.config.subscriptions.legacyCrmObjects;
const subscribed = (type: string, property?: string) =>
  legacy.some((s) => s.subscriptionType === type && (property === undefined || s.propertyName === property));

describe('webhooks-hsmeta.json', () => {
  it('is a webhooks component aimed at the webhook route', () => {
    expect(config).toMatchObject({ type: 'webhooks', config: { settings: { maxConcurrentRequests: 10 } } });
    expect(config.config.settings.targetUrl).toMatch(/^https:\/\/.+\/webhooks\/hubspot$/);
  });

  it('subscribes to what makes a contact leave, a company change and a deal shrink', () => {
    for (const type of [
      'contact.associationChange',
      'contact.deletion',
      'company.merge',
      'company.associationChange',
    ]) {
      expect(subscribed(type), type).toBe(true);
    }
    for (const [type, property] of [
      ['contact.propertyChange', 'jobtitle'],
      ['contact.propertyChange', 'hs_buying_role'],
      ['company.propertyChange', 'hubspot_owner_id'],
      ['company.propertyChange', 'churn_renewal_date'],
      ['deal.propertyChange', 'amount'],
      ['ticket.propertyChange', 'hs_pipeline_stage'],
    ]) {
      expect(subscribed(type as string, property), `${type} ${property}`).toBe(true);
    }
  });

  it('never subscribes to the properties the app writes itself (they would only come back as its own events)', () => {
    expect(legacy.filter((s) => s.propertyName?.startsWith('churn_risk_'))).toEqual([]);
  });

  it('uses only the legacy object types and actions the pipeline maps to companies', () => {
    for (const s of legacy) {
      const [object, action] = s.subscriptionType.split('.');
      expect(['contact', 'company', 'deal', 'ticket']).toContain(object);
      expect(['creation', 'deletion', 'merge', 'restore', 'associationChange', 'propertyChange']).toContain(action);
      expect(action === 'propertyChange').toBe(s.propertyName !== undefined);
    }
  });
});
