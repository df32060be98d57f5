import {
  Accordion,
  Button,
  ErrorState,
  hubspot,
  Input,
  LoadingButton,
  LoadingSpinner,
  MultiSelect,
  NumberInput,
  TextArea,
  Toggle,
} from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { SettingsEditor } from '../../cards/components/settings-editor.tsx';
import { SIGNALS } from '../../src/signals/index.ts';
import { renderLoadedSettings, SAVED_BEFORE } from './render-settings.tsx';
import { textOf } from './renderer-helpers.ts';
import { errorResponse, jsonResponse } from './risk-fixtures.ts';
import { SETTINGS_URL, SIGNAL_COUNT, settingsAnswer } from './settings-fixtures.ts';

let fetchSpy: MockInstance<typeof hubspot.fetch>;
beforeEach(() => {
  fetchSpy = vi.spyOn(hubspot, 'fetch');
});
afterEach(() => {
  vi.restoreAllMocks();
});

const renderLoaded = (saved?: Record<string, unknown>) => renderLoadedSettings(fetchSpy, saved);

describe('the settings page', () => {
  it('shows a spinner while the settings load from the settings endpoint', async () => {
    fetchSpy.mockReturnValue(new Promise(() => {}));
    const { render, find, maybeFindByTestId, mocks } = createRenderer('settings');
    render(<SettingsEditor addAlert={mocks.actions.addAlert} />);
    expect(find(LoadingSpinner).props.label).toBe('Loading the settings');
    // The request leaves from an effect, which changes nothing on screen: the renderer's waitFor would not look again.
    await vi.waitFor(() => expect(fetchSpy.mock.calls).toEqual([[SETTINGS_URL, { method: 'GET' }]]));
    expect(maybeFindByTestId(LoadingButton, 'save')).toBeNull();
  });

  it('shows every signal with its switch, weight and thresholds, as in effect', async () => {
    const { findAll, findByTestId, waitFor } = await renderLoaded();
    expect(findAll(Accordion)).toHaveLength(SIGNAL_COUNT);
    expect(findAll(Accordion).map((a) => a.props.title)).toEqual(
      SIGNALS.map((s) => (s.id === 'training_gap' ? `${s.title} · off` : `${s.title} · on, weight ${s.defaultWeight}`)),
    );
    const silent = findByTestId(Accordion, 'signal-gone_silent');
    expect(silent.find(Toggle).props).toMatchObject({ label: 'Signal on', checked: true });
    expect(silent.find(NumberInput, { name: 'signals.gone_silent.weight' }).props.value).toBe(25);
    expect(silent.find(NumberInput, { name: 'signals.gone_silent.thresholds.minSilenceDays' }).props).toMatchObject({
      label: 'Min silence days',
      value: 30,
    });
    expect(findByTestId(Accordion, 'signal-training_gap').find(Toggle).props.checked).toBe(false);
    // Every threshold of every signal has its input.
    for (const signal of SIGNALS) {
      const section = findByTestId(Accordion, `signal-${signal.id}`);
      const names = [...section.findAll(NumberInput), ...section.findAll(TextArea)].map((i) => i.props.name);
      const thresholds = Object.keys(signal.thresholds.parse({})).map((t) => `signals.${signal.id}.thresholds.${t}`);
      expect(names.sort()).toEqual([`signals.${signal.id}.weight`, ...thresholds].sort());
    }
    // A list threshold: one value per line.
    const domains = findByTestId(Accordion, 'signal-outside_access').find(TextArea).props.value ?? '';
    expect(domains.split('\n')).toContain('gmail.com');
    await waitFor(() => expect(findAll(Toggle)).toHaveLength(SIGNAL_COUNT));
  });

  it('shows the level cut points, trend and task settings, mappings, CS lead, quiet months and competitors', async () => {
    const { find, findAll } = await renderLoaded({
      ...SAVED_BEFORE,
      csLeadOwnerId: '7788',
      quietMonths: [7, 8],
      competitors: ['Globex', 'Initech'],
      mappings: { renewalDate: 'contract_end' },
    });
    const number = (name: string) => find(NumberInput, { name }).props.value;
    expect([number('levels.medium'), number('levels.high'), number('levels.critical')]).toEqual([25, 50, 75]);
    expect([number('trend.lookbackDays'), number('trend.tolerance'), number('tasks.minPoints')]).toEqual([30, 5, 15]);
    const inputs = Object.fromEntries(findAll(Input).map((i) => [i.props.name, [i.props.label, i.props.value]]));
    expect(inputs).toEqual({
      'mappings.renewalDate': ['Renewal date: company property', 'contract_end'],
      'mappings.seatsPurchased': ['Seats purchased: company property', 'churn_seats_purchased'],
      'mappings.seatsActive': ['Seats active: company property', 'churn_seats_active'],
      'mappings.usageMetric': ['Usage metric: company property', 'churn_usage_metric'],
      'mappings.onboardingCompletedAt': ['Onboarding completed: company property', 'churn_onboarding_completed_at'],
      'mappings.lastTrainingAt': ['Last training: company property', 'churn_last_training_at'],
      csLeadOwnerId: ['CS lead (HubSpot owner id)', '7788'],
    });
    const months = find(MultiSelect, { name: 'quietMonths' });
    expect(months.props.value).toEqual([7, 8]);
    expect(months.props.options.map((o) => o.label)).toEqual([
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ]);
    expect(find(TextArea, { name: 'competitors' }).props.value).toBe('Globex\nInitech');
  });

  it('shows why the settings could not load, and tries again on request', async () => {
    fetchSpy.mockResolvedValueOnce(
      errorResponse(403, 'not_installed', 'app not installed for this portal: install Churn Signals first'),
    );
    fetchSpy.mockResolvedValueOnce(jsonResponse(200, settingsAnswer()));
    const { render, find, findByTestId, maybeFind, maybeFindByTestId, waitFor, mocks } = createRenderer('settings');
    render(<SettingsEditor addAlert={mocks.actions.addAlert} />);
    await waitFor(() => expect(maybeFind(ErrorState)).not.toBeNull());
    expect(find(ErrorState).props.title).toBe('Could not load the settings');
    expect(textOf(find(ErrorState))).toContain('app not installed for this portal: install Churn Signals first');
    findByTestId(Button, 'retry').trigger('onClick');
    await waitFor(() => expect(maybeFindByTestId(LoadingButton, 'save')).not.toBeNull());
    expect(fetchSpy).toHaveBeenCalledTimes(2);
  });
});
