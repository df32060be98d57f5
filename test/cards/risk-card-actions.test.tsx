import { Accordion, hubspot, List, LoadingButton, Text } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { RiskCard } from '../../cards/components/risk-card.tsx';
import { DAY } from '../../src/core/time.ts';
import { CHAMPION, COMPANY, errorResponse, jsonResponse, notScoredBody, scoredBody, T0 } from './risk-fixtures.ts';

const RECORD = `?associatedObjectId=${COMPANY}&associatedObjectType=COMPANY`;
const CARD_URL = `https://churn.example.com/cards/hubspot/company-risk${RECORD}`;
const SNOOZE_URL = `https://churn.example.com/cards/hubspot/company-risk/snooze${RECORD}`;
const RECALCULATE_URL = `https://churn.example.com/cards/hubspot/company-risk/recalculate${RECORD}`;
const UNTIL = new Date(T0 + 30 * DAY).toISOString();

let fetchSpy: MockInstance<typeof hubspot.fetch>;
beforeEach(() => {
  fetchSpy = vi.spyOn(hubspot, 'fetch');
});
afterEach(() => {
  vi.restoreAllMocks();
});

async function renderScoredCard(body = scoredBody()) {
  fetchSpy.mockResolvedValueOnce(jsonResponse(200, body));
  const renderer = createRenderer('crm.record.tab');
  renderer.render(<RiskCard companyId={COMPANY} addAlert={renderer.mocks.actions.addAlert} />);
  await renderer.waitFor(() => expect(renderer.findAll(Accordion).length).toBeGreaterThan(0));
  return renderer;
}

describe('"Not a risk: snooze for 30 days"', () => {
  it('snoozes that signal through the signed endpoint, confirms, and shows the company re-scored without it', async () => {
    const card = await renderScoredCard();
    const { findByTestId, maybeFindByTestId, findAll, waitFor, mocks } = card;
    let answer!: (response: Response) => void;
    fetchSpy.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    fetchSpy.mockResolvedValueOnce(
      jsonResponse(
        200,
        scoredBody({ score: 12.5, level: 'low', reasons: [] }, [{ signalId: CHAMPION.id, until: T0 + 30 * DAY }]),
      ),
    );

    findByTestId(LoadingButton, 'snooze-champion_departed').trigger('onClick');
    expect(findByTestId(LoadingButton, 'snooze-champion_departed').props.loading).toBe(true);
    // One snooze at a time: the other reasons' buttons wait.
    expect(findByTestId(LoadingButton, 'snooze-ticket_surge').props.disabled).toBe(true);
    answer(jsonResponse(200, { signalId: CHAMPION.id, snoozedUntil: UNTIL }));

    await waitFor(() => expect(findAll(Accordion)).toHaveLength(0));
    expect(fetchSpy.mock.calls).toEqual([
      [CARD_URL, { method: 'GET' }],
      [SNOOZE_URL, { method: 'POST', body: { signalId: 'champion_departed' } }],
      [CARD_URL, { method: 'GET' }],
    ]);
    expect(mocks.actions.addAlert.calls).toEqual([
      [
        {
          type: 'success',
          title: 'Marked as not a risk',
          message: '“Champion departed” is snoozed for this company until 2026-12-20 and counted as a false alarm.',
        },
      ],
    ]);
    expect(
      findByTestId(List, 'snoozed-signals')
        .findAll(Text)
        .map((t) => t.text),
    ).toEqual(['Champion departed: snoozed until 2026-12-20']);
    expect(maybeFindByTestId(LoadingButton, 'snooze-champion_departed')).toBeNull();
  });

  it("reports a refused snooze with the server's message and keeps the reason as it was", async () => {
    const { findByTestId, waitFor, mocks } = await renderScoredCard();
    fetchSpy.mockResolvedValueOnce(
      errorResponse(400, 'invalid_request', 'signalId: Invalid option', [
        { path: 'signalId', message: 'Invalid option' },
      ]),
    );

    findByTestId(LoadingButton, 'snooze-ticket_surge').trigger('onClick');

    await waitFor(() => expect(mocks.actions.addAlert.calls).toHaveLength(1));
    expect(mocks.actions.addAlert.calls[0]).toEqual([
      { type: 'danger', title: 'Could not snooze “Support ticket surge”', message: 'signalId: Invalid option' },
    ]);
    await waitFor(() => expect(findByTestId(LoadingButton, 'snooze-ticket_surge').props.loading).toBe(false));
    expect(findByTestId(LoadingButton, 'snooze-champion_departed').props.disabled).toBe(false);
    expect(fetchSpy).toHaveBeenCalledTimes(2); // no reload after a failure
  });

  it('reports a snooze that never reached the server', async () => {
    const { findByTestId, waitFor, mocks } = await renderScoredCard();
    fetchSpy.mockRejectedValueOnce(new Error('Network error'));
    findByTestId(LoadingButton, 'snooze-champion_departed').trigger('onClick');
    await waitFor(() => expect(mocks.actions.addAlert.calls).toHaveLength(1));
    expect(mocks.actions.addAlert.calls[0]?.[0]).toMatchObject({
      type: 'danger',
      message: 'Could not reach Churn Signals (Network error): check your connection and try again.',
    });
  });
});

describe('"Recalculate now"', () => {
  it('queues a re-score through the signed endpoint and says when to look again', async () => {
    const { findByTestId, waitFor, mocks } = await renderScoredCard();
    let answer!: (response: Response) => void;
    fetchSpy.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));

    findByTestId(LoadingButton, 'recalculate').trigger('onClick');
    expect(findByTestId(LoadingButton, 'recalculate').props.loading).toBe(true);
    answer(jsonResponse(202, { queued: true }));

    await waitFor(() => expect(findByTestId(LoadingButton, 'recalculate').props.loading).toBe(false));
    expect(fetchSpy.mock.calls.at(-1)).toEqual([RECALCULATE_URL, { method: 'POST' }]);
    expect(mocks.actions.addAlert.calls).toEqual([
      [
        {
          type: 'success',
          title: 'Recalculation started',
          message:
            'Churn Signals is re-reading this company from the CRM: reopen the tab in a few seconds for the new score.',
        },
      ],
    ]);
  });

  it('is offered on a company not scored yet too', async () => {
    fetchSpy.mockResolvedValueOnce(jsonResponse(200, notScoredBody()));
    fetchSpy.mockResolvedValueOnce(jsonResponse(202, { queued: true }));
    const { render, findByTestId, maybeFindByTestId, waitFor, mocks } = createRenderer('crm.record.tab');
    render(<RiskCard companyId={COMPANY} addAlert={mocks.actions.addAlert} />);
    await waitFor(() => expect(maybeFindByTestId(LoadingButton, 'recalculate')).not.toBeNull());
    findByTestId(LoadingButton, 'recalculate').trigger('onClick');
    await waitFor(() => expect(mocks.actions.addAlert.calls).toHaveLength(1));
    expect(fetchSpy.mock.calls.at(-1)).toEqual([RECALCULATE_URL, { method: 'POST' }]);
    expect(mocks.actions.addAlert.calls[0]?.[0]).toMatchObject({ type: 'success', title: 'Recalculation started' });
  });

  it("reports a refusal with the server's message", async () => {
    const { findByTestId, waitFor, mocks } = await renderScoredCard();
    fetchSpy.mockResolvedValueOnce(
      errorResponse(503, 'recalculate_unavailable', 'recalculating is not available on this server'),
    );
    findByTestId(LoadingButton, 'recalculate').trigger('onClick');
    await waitFor(() => expect(mocks.actions.addAlert.calls).toHaveLength(1));
    expect(mocks.actions.addAlert.calls[0]).toEqual([
      {
        type: 'danger',
        title: 'Could not recalculate',
        message: 'recalculating is not available on this server (request id req-42)',
      },
    ]);
  });
});
