import {
  Accordion,
  ErrorState,
  hubspot,
  Input,
  Link,
  List,
  LoadingButton,
  NumberInput,
  StatisticsItem,
  Text,
  TextArea,
  Toggle,
} from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { RiskCard } from '../../cards/components/risk-card.tsx';
import { SettingsEditor } from '../../cards/components/settings-editor.tsx';
import { DAY } from '../../src/core/time.ts';
import { install, startServer, type TestServer } from '../http/server.ts';
import { hubspotFetchTo } from './hubspot-fetch-to-server.ts';
import { commit, textOf } from './renderer-helpers.ts';
import { assessment, CHAMPION, COMPANY, PORTAL, T0, TICKETS } from './risk-fixtures.ts';

const NOT_INSTALLED = 303;

describe('the card and the settings page against the real server, through a signed hubspot.fetch', () => {
  let server: TestServer;
  let recalculated: [number, string][];
  let rescored: number[];

  // No CRM call on these paths: any connection but the test server's fails the request.
  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  });
  afterAll(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });
  beforeEach(async () => {
    recalculated = [];
    rescored = [];
    server = await startServer({
      // A re-score as the worker would write it: the snoozed champion no longer counts.
      recalculate: async (portalId, companyId) => {
        recalculated.push([portalId, companyId]);
        const snoozed = await server.store.activeSnoozes(portalId, companyId, T0);
        const reasons = [TICKETS, CHAMPION].filter((r) => !snoozed.some((s) => s.signalId === r.id));
        await server.store.saveAccountState(portalId, companyId, {
          assessment: assessment({ score: 12.5, level: 'low', reasons }),
          score: { value: 12.5, at: T0 },
        });
      },
      rescorePortal: (portalId) => void rescored.push(portalId),
    });
    await install(server.store, PORTAL);
    await server.store.saveAccountState(PORTAL, COMPANY, {
      assessment: assessment(),
      score: { value: 31, at: T0 - 30 * DAY },
    });
    await server.store.saveAccountState(PORTAL, COMPANY, { score: { value: 42, at: T0 } });
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await server.close();
  });

  function renderCard(portalId = PORTAL) {
    vi.spyOn(hubspot, 'fetch').mockImplementation(hubspotFetchTo(server, portalId));
    const renderer = createRenderer('crm.record.tab');
    renderer.render(<RiskCard companyId={COMPANY} addAlert={renderer.mocks.actions.addAlert} />);
    return renderer;
  }

  it('the card shows the stored assessment, with links into this portal', async () => {
    const { find, findAll, findByTestId, maybeFind, waitFor } = renderCard();
    await waitFor(() => expect(maybeFind(StatisticsItem)).not.toBeNull());
    expect(find(StatisticsItem).props.number).toBe(42);
    expect(findByTestId(Text, 'trend').text).toBe('↑ Rising: up 11 since 30 days ago');
    expect(findAll(Accordion).map((a) => a.props.title)).toEqual([
      'Champion departed · 30 points',
      'Support ticket surge · 12.5 points',
    ]);
    expect(findByTestId(List, 'evidence-champion_departed').find(Link).props.href).toEqual({
      url: 'https://app.hubspot.com/contacts/101/record/0-1/51001',
      external: true,
    });
  });

  it('a snooze is stored for this company, re-scores it, and the card shows it without the reason', async () => {
    const { findAll, findByTestId, maybeFind, waitFor, mocks } = renderCard();
    await waitFor(() => expect(maybeFind(Accordion)).not.toBeNull());
    findByTestId(LoadingButton, 'snooze-champion_departed').trigger('onClick');
    await waitFor(() => expect(findAll(Accordion)).toHaveLength(1));

    expect(await server.store.activeSnoozes(PORTAL, COMPANY, T0)).toEqual([
      { signalId: 'champion_departed', until: T0 + 30 * DAY },
    ]);
    expect(await server.store.countSnoozes(PORTAL)).toBe(1);
    expect(recalculated).toEqual([[PORTAL, COMPANY]]);
    expect(mocks.actions.addAlert.calls[0]?.[0]).toMatchObject({ type: 'success', title: 'Marked as not a risk' });
    expect(
      findByTestId(List, 'snoozed-signals')
        .findAll(Text)
        .map((t) => t.text),
    ).toEqual(['Champion departed: snoozed until 2026-12-20']);
  });

  it('"Recalculate now" queues a re-score of this company', async () => {
    const { findByTestId, maybeFind, waitFor, mocks } = renderCard();
    await waitFor(() => expect(maybeFind(Accordion)).not.toBeNull());
    findByTestId(LoadingButton, 'recalculate').trigger('onClick');
    await waitFor(() => expect(mocks.actions.addAlert.calls).toHaveLength(1));
    expect(mocks.actions.addAlert.calls[0]?.[0]).toMatchObject({ type: 'success', title: 'Recalculation started' });
    await vi.waitFor(() => expect(recalculated).toEqual([[PORTAL, COMPANY]]));
  });

  it('a portal that has not installed the app sees why', async () => {
    const { find, maybeFind, waitFor } = renderCard(NOT_INSTALLED);
    await waitFor(() => expect(maybeFind(ErrorState)).not.toBeNull());
    expect(textOf(find(ErrorState))).toContain('app not installed for this portal: install Churn Signals first');
  });

  function renderSettings() {
    vi.spyOn(hubspot, 'fetch').mockImplementation(hubspotFetchTo(server, PORTAL));
    const renderer = createRenderer('settings');
    renderer.render(<SettingsEditor addAlert={renderer.mocks.actions.addAlert} />);
    return renderer;
  }

  it('the settings page saves what the admin edited; the server stores it and re-scores the portal', async () => {
    const { find, findByTestId, maybeFind, waitFor, mocks } = renderSettings();
    await waitFor(() => expect(maybeFind(NumberInput, { name: 'levels.medium' })).not.toBeNull());
    commit(find(Toggle, { name: 'signals.gone_silent.enabled' }), false);
    commit(find(NumberInput, { name: 'signals.low_nps.weight' }), 12);
    commit(find(NumberInput, { name: 'levels.medium' }), 20);
    commit(find(Input, { name: 'mappings.seatsActive' }), 'active_licenses');
    commit(find(TextArea, { name: 'competitors' }), 'Globex');
    findByTestId(LoadingButton, 'save').trigger('onClick');

    await waitFor(() => expect(mocks.actions.addAlert.calls).toHaveLength(1));
    expect(mocks.actions.addAlert.calls[0]?.[0]).toMatchObject({ type: 'success', title: 'Settings saved' });
    expect(await server.store.getTenantSettings(PORTAL)).toEqual({
      signals: { gone_silent: { enabled: false }, low_nps: { weight: 12 } },
      levels: { medium: 20 },
      mappings: { seatsActive: 'active_licenses' },
      competitors: ['Globex'],
    });
    expect(rescored).toEqual([PORTAL]);
  });

  it("the settings page shows the server's validation next to the fields, and nothing is stored", async () => {
    const { find, findByTestId, maybeFind, waitFor } = renderSettings();
    await waitFor(() => expect(maybeFind(NumberInput, { name: 'levels.medium' })).not.toBeNull());
    commit(find(NumberInput, { name: 'levels.medium' }), 60); // above high (50)
    commit(find(Input, { name: 'mappings.renewalDate' }), ' ');
    findByTestId(LoadingButton, 'save').trigger('onClick');

    await waitFor(() => expect(find(NumberInput, { name: 'levels.high' }).props.error).toBe(true));
    expect(find(NumberInput, { name: 'levels.high' }).props.validationMessage).toBe(
      'expected medium < high < critical',
    );
    expect(find(Input, { name: 'mappings.renewalDate' }).props).toMatchObject({ error: true });
    expect(find(Input, { name: 'mappings.renewalDate' }).props.validationMessage).toMatch(/>=1 characters/);
    expect(await server.store.getTenantSettings(PORTAL)).toBeNull();
    expect(rescored).toEqual([]);
  });
});
