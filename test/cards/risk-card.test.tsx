import {
  Accordion,
  EmptyState,
  hubspot,
  Link,
  List,
  LoadingButton,
  LoadingSpinner,
  StatisticsItem,
  StatisticsTrend,
  Tag,
  Text,
} from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { RiskCard } from '../../cards/components/risk-card.tsx';
import { DAY } from '../../src/core/time.ts';
import { textOf } from './renderer-helpers.ts';
import { COMPANY, jsonResponse, notScoredBody, scoredBody, T0 } from './risk-fixtures.ts';

const CARD_URL = `https://churn.example.com/cards/hubspot/company-risk?associatedObjectId=${COMPANY}&associatedObjectType=COMPANY`;

let fetchSpy: MockInstance<typeof hubspot.fetch>;
beforeEach(() => {
  fetchSpy = vi.spyOn(hubspot, 'fetch');
});
afterEach(() => {
  vi.restoreAllMocks();
});

function renderCard() {
  const renderer = createRenderer('crm.record.tab');
  renderer.render(<RiskCard companyId={COMPANY} addAlert={renderer.mocks.actions.addAlert} />);
  return renderer;
}

describe('the risk card', () => {
  it('shows a spinner while the risk loads, asking the card endpoint for this company', async () => {
    fetchSpy.mockReturnValue(new Promise(() => {}));
    const { find, maybeFind } = renderCard();
    expect(find(LoadingSpinner).props.label).toBe('Loading the churn risk');
    // The request leaves from an effect, which changes nothing on screen: the renderer's waitFor would not look again.
    await vi.waitFor(() => expect(fetchSpy.mock.calls).toEqual([[CARD_URL, { method: 'GET' }]]));
    expect(find(LoadingSpinner).props.label).toBe('Loading the churn risk');
    expect(maybeFind(StatisticsItem)).toBeNull();
  });

  it('says when the company is not scored yet, and offers to recalculate', async () => {
    fetchSpy.mockResolvedValueOnce(jsonResponse(200, notScoredBody()));
    const { find, findByTestId, maybeFind, waitFor } = renderCard();
    await waitFor(() => expect(find(EmptyState).props.title).toBe('Not scored yet'));
    expect(textOf(find(EmptyState))).toContain('has not assessed this company yet');
    expect(findByTestId(LoadingButton, 'recalculate').text).toBe('Recalculate now');
    expect(maybeFind(StatisticsItem)).toBeNull();
  });

  it('shows the score out of 100, the level, the trend and the summary', async () => {
    fetchSpy.mockResolvedValueOnce(jsonResponse(200, scoredBody()));
    const { find, findByTestId, waitFor } = renderCard();
    await waitFor(() => expect(find(StatisticsItem).props.number).toBe(42));
    expect(find(StatisticsItem).props.label).toBe('Churn risk score (out of 100)');
    expect(find(StatisticsTrend).props).toMatchObject({ value: '11', direction: 'increase', color: 'red' });
    expect(findByTestId(Tag, 'level').props.variant).toBe('warning');
    expect(findByTestId(Tag, 'level').text).toBe('High risk');
    expect(findByTestId(Text, 'trend').text).toBe('↑ Rising: up 11 since 30 days ago');
    expect(findByTestId(Text, 'summary').text).toBe(
      'Champion departed (30 points), support ticket surge (12.5 points)',
    );
    expect(findByTestId(Text, 'assessed-at').text).toBe('Assessed on 2026-11-20');
  });

  it.each([
    ['low', 'success', 'Low risk'],
    ['medium', 'info', 'Medium risk'],
    ['critical', 'error', 'Critical risk'],
  ] as const)('colors the %s level %s', async (level, variant, label) => {
    fetchSpy.mockResolvedValueOnce(jsonResponse(200, scoredBody({ level, trend: 'falling', score: 20 })));
    const { findByTestId, maybeFindByTestId, find, waitFor } = renderCard();
    await waitFor(() => expect(maybeFindByTestId(Tag, 'level')).not.toBeNull());
    expect(findByTestId(Tag, 'level').props.variant).toBe(variant);
    expect(findByTestId(Tag, 'level').text).toBe(label);
    expect(find(StatisticsTrend).props).toMatchObject({ value: '11', direction: 'decrease', color: 'green' });
    expect(findByTestId(Text, 'trend').text).toBe('↓ Falling: down 11 since 30 days ago');
  });

  it('lists every reason, most points first, with its evidence linked to HubSpot and its playbook in order', async () => {
    fetchSpy.mockResolvedValueOnce(jsonResponse(200, scoredBody()));
    const { findAll, findByTestId, waitFor } = renderCard();
    await waitFor(() => expect(findAll(Accordion)).toHaveLength(2));
    expect(findAll(Accordion).map((a) => a.props.title)).toEqual([
      'Champion departed · 30 points',
      'Support ticket surge · 12.5 points',
    ]);
    expect(findAll(Accordion).map((a) => a.props.defaultOpen)).toEqual([true, false]);

    const champion = findByTestId(Accordion, 'reason-champion_departed');
    expect(textOf(champion)).toContain('Jane Roe (champion) left on 2026-11-02');
    const championEvidence = findByTestId(List, 'evidence-champion_departed');
    expect(championEvidence.findAll(Link).map((l) => [l.text, l.props.href])).toEqual([
      ['Jane Roe', { url: 'https://app.hubspot.com/contacts/101/record/0-1/51001', external: true }],
    ]);
    // Owners have no record page: named, not linked.
    expect(championEvidence.findAll(Text).map((t) => t.text)).toEqual(['Owner: Sam Poe']);
    const steps = findByTestId(List, 'playbook-champion_departed');
    expect(steps.props.variant).toBe('ordered');
    expect(steps.findAll(Text).map((t) => t.text)).toEqual([
      'Find the new decision maker',
      'Book an executive sponsor call',
    ]);

    const tickets = findByTestId(List, 'evidence-ticket_surge');
    expect(tickets.findAll(Link).map((l) => [l.text, l.props.href])).toEqual([
      ['Login fails on SSO', { url: 'https://app.hubspot.com/contacts/101/record/0-5/9101', external: true }],
      ['Re: outage again', { url: 'https://app.hubspot.com/contacts/101/record/0-49/4401', external: true }],
    ]);
    expect(
      findByTestId(List, 'playbook-ticket_surge')
        .findAll(Text)
        .map((t) => t.text),
    ).toEqual(['Call the customer about the open tickets', 'Review the root causes with support']);
    for (const id of ['champion_departed', 'ticket_surge']) {
      expect(findByTestId(LoadingButton, `snooze-${id}`).text).toBe('Not a risk: snooze for 30 days');
    }
    expect(findByTestId(LoadingButton, 'recalculate').text).toBe('Recalculate now');
  });

  it('shows the snoozed signals: on a reason still listed, and by name once it is gone', async () => {
    const until = T0 + 30 * DAY;
    const body = scoredBody({}, [
      { signalId: 'ticket_surge', until },
      { signalId: 'gone_silent', until },
    ]);
    fetchSpy.mockResolvedValueOnce(jsonResponse(200, body));
    const { findByTestId, maybeFindByTestId, waitFor } = renderCard();
    await waitFor(() => expect(maybeFindByTestId(Tag, 'snoozed-ticket_surge')).not.toBeNull());
    expect(findByTestId(Tag, 'snoozed-ticket_surge').text).toBe('Not a risk: snoozed until 2026-12-20');
    expect(maybeFindByTestId(LoadingButton, 'snooze-ticket_surge')).toBeNull();
    expect(maybeFindByTestId(LoadingButton, 'snooze-champion_departed')).not.toBeNull();
    expect(
      findByTestId(List, 'snoozed-signals')
        .findAll(Text)
        .map((t) => t.text),
    ).toEqual(['Gone silent: snoozed until 2026-12-20']);
  });

  it('says so when no reason fired, and leaves out the trend comparison it cannot make', async () => {
    fetchSpy.mockResolvedValueOnce(
      jsonResponse(200, scoredBody({ score: 0, level: 'low', trend: 'steady', previousScore: null, reasons: [] })),
    );
    const { findByTestId, maybeFind, maybeFindByTestId, waitFor } = renderCard();
    await waitFor(() => expect(maybeFindByTestId(Text, 'no-reasons')).not.toBeNull());
    expect(findByTestId(Text, 'no-reasons').text).toBe('No warning sign fired for this company.');
    expect(findByTestId(Text, 'trend').text).toBe('→ Steady: no earlier score to compare with');
    expect(maybeFind(StatisticsTrend)).toBeNull();
    expect(maybeFind(Accordion)).toBeNull();
  });
});
