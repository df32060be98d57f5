import type { AddAlertAction } from '@hubspot/ui-extensions';
import { useState } from 'react';
import { asApiError } from './churn-api-error.ts';
import { recalculateCompany, snoozeSignal } from './company-risk-api.ts';
import { isoDay } from './format-text.ts';

export interface RiskActions {
  /** The signal whose snooze is under way, if any. */
  snoozing: string | null;
  recalculating: boolean;
  snooze(signalId: string, title: string): Promise<void>;
  recalculate(): Promise<void>;
}

/**
 * The card's two actions, each reporting its outcome in a HubSpot alert. A snooze re-scores the company before the
 * server answers, so the card reloads right after it; a recalculation is queued, so it says when to look again.
 */
export function useRiskActions(companyId: string, addAlert: AddAlertAction, reload: () => Promise<void>): RiskActions {
  const [snoozing, setSnoozing] = useState<string | null>(null);
  const [recalculating, setRecalculating] = useState(false);

  const snooze = async (signalId: string, title: string) => {
    setSnoozing(signalId);
    try {
      const until = await snoozeSignal(companyId, signalId);
      addAlert({
        type: 'success',
        title: 'Marked as not a risk',
        message: `“${title}” is snoozed for this company${until ? ` until ${isoDay(until)}` : ''} and counted as a false alarm.`,
      });
      await reload();
    } catch (error) {
      addAlert({ type: 'danger', title: `Could not snooze “${title}”`, message: asApiError(error).message });
    } finally {
      setSnoozing(null);
    }
  };

  const recalculate = async () => {
    setRecalculating(true);
    try {
      await recalculateCompany(companyId);
      addAlert({
        type: 'success',
        title: 'Recalculation started',
        message:
          'Churn Signals is re-reading this company from the CRM: reopen the tab in a few seconds for the new score.',
      });
    } catch (error) {
      addAlert({ type: 'danger', title: 'Could not recalculate', message: asApiError(error).message });
    } finally {
      setRecalculating(false);
    }
  };

  return { snoozing, recalculating, snooze, recalculate };
}
