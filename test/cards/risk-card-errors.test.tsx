import { Button, ErrorState, hubspot, StatisticsItem } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { RiskCard } from '../../cards/components/risk-card.tsx';
import { textOf } from './renderer-helpers.ts';
import { COMPANY, errorResponse, jsonResponse, scoredBody } from './risk-fixtures.ts';

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

describe('the risk card when loading fails', () => {
  it('shows why when HubSpot cannot reach the server, and tries again on request', async () => {
    fetchSpy.mockRejectedValueOnce(new Error('timeout of 15000ms exceeded'));
    fetchSpy.mockResolvedValueOnce(jsonResponse(200, scoredBody()));
    const { find, findByTestId, maybeFind, waitFor } = renderCard();
    await waitFor(() => expect(find(ErrorState).props.title).toBe('Could not load the churn risk'));
    expect(textOf(find(ErrorState))).toContain(
      'Could not reach Churn Signals (timeout of 15000ms exceeded): check your connection and try again.',
    );
    findByTestId(Button, 'retry').trigger('onClick');
    await waitFor(() => expect(maybeFind(StatisticsItem)).not.toBeNull());
    expect(maybeFind(ErrorState)).toBeNull();
    expect(fetchSpy).toHaveBeenCalledTimes(2);
  });

  it("shows the server's message of a refusal", async () => {
    fetchSpy.mockResolvedValueOnce(
      errorResponse(403, 'not_installed', 'app not installed for this portal: install Churn Signals first'),
    );
    const { find, waitFor } = renderCard();
    await waitFor(() => expect(textOf(find(ErrorState))).toContain('app not installed for this portal'));
    expect(textOf(find(ErrorState))).toContain('install Churn Signals first');
  });

  it('gives the request id of a server error, and never a stack', async () => {
    fetchSpy.mockResolvedValueOnce(errorResponse(500, 'internal_error', 'internal error'));
    const { find, waitFor } = renderCard();
    await waitFor(() =>
      expect(textOf(find(ErrorState))).toContain(
        'Churn Signals had a problem (request id req-42): try again in a minute.',
      ),
    );
  });

  it('explains an answer that is not JSON (a proxy error page) and one that is not risk data', async () => {
    fetchSpy.mockResolvedValueOnce(new Response('<html>Bad gateway</html>', { status: 502 }));
    const first = renderCard();
    await first.waitFor(() => expect(textOf(first.find(ErrorState))).toContain('Churn Signals had a problem'));

    fetchSpy.mockResolvedValueOnce(jsonResponse(200, { hello: 'world' }));
    const second = renderCard();
    await second.waitFor(() =>
      expect(textOf(second.find(ErrorState))).toContain('Churn Signals sent risk data this card cannot read'),
    );
  });
});
