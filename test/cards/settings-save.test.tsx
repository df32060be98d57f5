import {
  Accordion,
  Alert,
  Button,
  hubspot,
  Input,
  LoadingButton,
  MultiSelect,
  NumberInput,
  TextArea,
  Toggle,
} from '@hubspot/ui-extensions';
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { renderLoadedSettings, SAVED_BEFORE } from './render-settings.tsx';
import { commit, textOf } from './renderer-helpers.ts';
import { errorResponse, jsonResponse } from './risk-fixtures.ts';
import { SETTINGS_URL, savedAnswer } from './settings-fixtures.ts';

let fetchSpy: MockInstance<typeof hubspot.fetch>;
beforeEach(() => {
  fetchSpy = vi.spyOn(hubspot, 'fetch');
});
afterEach(() => {
  vi.restoreAllMocks();
});

const renderLoaded = (saved?: Record<string, unknown>) => renderLoadedSettings(fetchSpy, saved);

describe('saving the settings', () => {
  it("PUTs the saved document with the admin's edits, confirms, and shows the settings as saved", async () => {
    const { find, findByTestId, waitFor, mocks } = await renderLoaded();
    commit(find(Toggle, { name: 'signals.gone_silent.enabled' }), false);
    commit(find(NumberInput, { name: 'signals.low_nps.weight' }), 12);
    commit(find(NumberInput, { name: 'signals.gone_silent.thresholds.minSilenceDays' }), 45);
    commit(find(TextArea, { name: 'signals.outside_access.thresholds.freeMailDomains' }), 'gmail.com\n web.de \n');
    commit(find(NumberInput, { name: 'levels.medium' }), 20);
    commit(find(NumberInput, { name: 'trend.lookbackDays' }), 60);
    commit(find(Input, { name: 'mappings.renewalDate' }), ' contract_end ');
    commit(find(Input, { name: 'csLeadOwnerId' }), '7788');
    commit(find(MultiSelect, { name: 'quietMonths' }), [8, 7]);
    commit(find(TextArea, { name: 'competitors' }), 'Globex\n  Initech \n\n');
    expect(findByTestId(Button, 'discard').props.disabled).toBe(false);
    expect(find(Accordion, { testId: 'signal-gone_silent' }).props.title).toBe('Chatty client gone silent · off');

    const expected = {
      signals: {
        training_gap: { enabled: false },
        gone_silent: { enabled: false, thresholds: { minSilenceDays: 45 } },
        low_nps: { weight: 12 },
        outside_access: { thresholds: { freeMailDomains: ['gmail.com', 'web.de'] } },
      },
      tasks: { minPoints: 15 },
      levels: { medium: 20 },
      trend: { lookbackDays: 60 },
      mappings: { renewalDate: 'contract_end' },
      csLeadOwnerId: '7788',
      quietMonths: [7, 8],
      competitors: ['Globex', 'Initech'],
    };
    fetchSpy.mockResolvedValueOnce(jsonResponse(200, savedAnswer(expected)));
    findByTestId(LoadingButton, 'save').trigger('onClick');
    expect(findByTestId(LoadingButton, 'save').props.loading).toBe(true);

    await waitFor(() => expect(mocks.actions.addAlert.calls).toHaveLength(1));
    expect(fetchSpy.mock.calls.at(-1)).toEqual([SETTINGS_URL, { method: 'PUT', body: expected }]);
    expect(mocks.actions.addAlert.calls[0]).toEqual([
      {
        type: 'success',
        title: 'Settings saved',
        message: "Churn Signals is re-scoring this portal's companies with them; the cards update as it goes.",
      },
    ]);
    await waitFor(() => expect(findByTestId(LoadingButton, 'save').props.loading).toBe(false));
    expect(findByTestId(Button, 'discard').props.disabled).toBe(true);
    expect(find(NumberInput, { name: 'levels.medium' }).props.value).toBe(20);
    expect(find(Input, { name: 'mappings.renewalDate' }).props.value).toBe('contract_end');
  });

  it("PUTs nothing but what was saved before when the admin changed nothing (defaults keep following the product's)", async () => {
    const { findByTestId, waitFor, mocks } = await renderLoaded();
    fetchSpy.mockResolvedValueOnce(jsonResponse(200, savedAnswer(SAVED_BEFORE)));
    findByTestId(LoadingButton, 'save').trigger('onClick');
    await waitFor(() => expect(mocks.actions.addAlert.calls).toHaveLength(1));
    expect(fetchSpy.mock.calls.at(-1)).toEqual([SETTINGS_URL, { method: 'PUT', body: SAVED_BEFORE }]);
  });

  it('shows each refused field next to it and all of them in an alert, and saves nothing', async () => {
    const { find, findByTestId, maybeFindByTestId, waitFor, mocks } = await renderLoaded();
    commit(find(NumberInput, { name: 'levels.medium' }), 60);
    commit(find(Input, { name: 'mappings.renewalDate' }), '');
    fetchSpy.mockResolvedValueOnce(
      errorResponse(400, 'invalid_request', 'levels: expected medium < high < critical', [
        { path: 'levels', message: 'expected medium < high < critical' },
        { path: 'mappings.renewalDate', message: 'Too small: expected string to have >=1 characters' },
        { path: 'signals.low_nps.thresholds.detractorMax', message: 'Too big: expected number to be <=10' },
      ]),
    );
    findByTestId(LoadingButton, 'save').trigger('onClick');

    await waitFor(() => expect(maybeFindByTestId(Alert, 'save-error')).not.toBeNull());
    const alert = findByTestId(Alert, 'save-error');
    expect(alert.props).toMatchObject({ title: 'Settings not saved', variant: 'error' });
    expect(textOf(alert)).toBe(
      'levels: expected medium < high < critical ' +
        'mappings.renewalDate: Too small: expected string to have >=1 characters ' +
        'signals.low_nps.thresholds.detractorMax: Too big: expected number to be <=10',
    );
    for (const level of ['medium', 'high', 'critical']) {
      expect(find(NumberInput, { name: `levels.${level}` }).props).toMatchObject({
        error: true,
        validationMessage: 'expected medium < high < critical',
      });
    }
    expect(find(Input, { name: 'mappings.renewalDate' }).props).toMatchObject({
      error: true,
      validationMessage: 'Too small: expected string to have >=1 characters',
    });
    const nps = findByTestId(Accordion, 'signal-low_nps');
    expect(nps.props.title).toContain('check the fields');
    expect(nps.find(NumberInput, { name: 'signals.low_nps.thresholds.detractorMax' }).props.validationMessage).toBe(
      'Too big: expected number to be <=10',
    );
    expect(find(NumberInput, { name: 'trend.tolerance' }).props.error).toBeUndefined();
    expect(mocks.actions.addAlert.calls).toEqual([]);
    // The edits are still there, to correct and save again.
    expect(find(NumberInput, { name: 'levels.medium' }).props.value).toBe(60);
    expect(findByTestId(Button, 'discard').props.disabled).toBe(false);
  });

  it("shows a save that failed otherwise with the server's message", async () => {
    const { findByTestId, maybeFindByTestId, waitFor } = await renderLoaded();
    fetchSpy.mockResolvedValueOnce(errorResponse(500, 'internal_error', 'internal error'));
    findByTestId(LoadingButton, 'save').trigger('onClick');
    await waitFor(() => expect(maybeFindByTestId(Alert, 'save-error')).not.toBeNull());
    expect(textOf(findByTestId(Alert, 'save-error'))).toBe(
      'Churn Signals had a problem (request id req-42): try again in a minute.',
    );
  });

  it('discards the edits back to the settings as loaded', async () => {
    const { find, findByTestId } = await renderLoaded();
    commit(find(NumberInput, { name: 'levels.high' }), 55);
    commit(find(Toggle, { name: 'signals.training_gap.enabled' }), true);
    findByTestId(Button, 'discard').trigger('onClick');
    expect(find(NumberInput, { name: 'levels.high' }).props.value).toBe(50);
    expect(find(Toggle, { name: 'signals.training_gap.enabled' }).props.checked).toBe(false);
    expect(findByTestId(Button, 'discard').props.disabled).toBe(true);
    expect(fetchSpy).toHaveBeenCalledTimes(1);
  });
});
