import { hubspot, LoadingButton, StatisticsItem } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, scoredBody } from './risk-fixtures.ts';
import { settingsAnswer } from './settings-fixtures.ts';

afterEach(() => {
  vi.restoreAllMocks();
  vi.resetModules();
});

/** Imports an entrypoint as HubSpot runs it, and returns the render callback it gave `hubspot.extend`. */
async function registeredBy(entrypoint: string) {
  const extend = vi.spyOn(hubspot, 'extend').mockImplementation(() => {});
  await import(entrypoint);
  expect(extend).toHaveBeenCalledTimes(1);
  const callback = extend.mock.calls[0]?.[0];
  if (!callback) throw new Error(`${entrypoint} did not call hubspot.extend`);
  return callback;
}

describe('the entrypoints the manifests name', () => {
  it('cards/company-risk-card.tsx shows the risk of the company record it is on, alerting through HubSpot', async () => {
    const callback = await registeredBy('../../cards/company-risk-card.tsx');
    const fetch = vi.spyOn(hubspot, 'fetch').mockResolvedValue(jsonResponse(200, scoredBody()));
    const { render, maybeFind, findByTestId, waitFor, mocks } = createRenderer('crm.record.tab');
    const context = { ...mocks.context, crm: { objectId: 9012, objectTypeId: '0-2' } };
    render(callback({ context, actions: mocks.actions, runServerlessFunction: mocks.runServerlessFunction }));

    await waitFor(() => expect(maybeFind(StatisticsItem)).not.toBeNull());
    expect(fetch.mock.calls[0]?.[0]).toBe(
      'https://churn.example.com/cards/hubspot/company-risk?associatedObjectId=9012&associatedObjectType=COMPANY',
    );
    fetch.mockResolvedValueOnce(jsonResponse(202, { queued: true }));
    findByTestId(LoadingButton, 'recalculate').trigger('onClick');
    await waitFor(() => expect(mocks.actions.addAlert.calls).toHaveLength(1));
  });

  it('cards/settings-page.tsx shows the settings, alerting through HubSpot', async () => {
    const callback = await registeredBy('../../cards/settings-page.tsx');
    const fetch = vi.spyOn(hubspot, 'fetch').mockResolvedValue(jsonResponse(200, settingsAnswer()));
    const { render, maybeFindByTestId, findByTestId, waitFor, mocks } = createRenderer('settings');
    render(
      callback({ context: mocks.context, actions: mocks.actions, runServerlessFunction: mocks.runServerlessFunction }),
    );

    await waitFor(() => expect(maybeFindByTestId(LoadingButton, 'save')).not.toBeNull());
    expect(fetch.mock.calls[0]).toEqual(['https://churn.example.com/settings/hubspot', { method: 'GET' }]);
    fetch.mockResolvedValueOnce(jsonResponse(200, settingsAnswer()));
    findByTestId(LoadingButton, 'save').trigger('onClick');
    await waitFor(() => expect(mocks.actions.addAlert.calls).toHaveLength(1));
  });
});
