import { useCallback, useEffect, useState } from 'react';
import { asApiError, type ChurnApiError } from './churn-api-error.ts';
import type { CompanyRisk } from './company-risk.ts';
import { fetchCompanyRisk } from './company-risk-api.ts';

export type RiskLoad =
  | { state: 'loading' }
  | { state: 'loaded'; risk: CompanyRisk }
  | { state: 'failed'; error: ChurnApiError };

/**
 * The company's risk, fetched when the card opens. `reload` fetches it again; the risk on screen stays until the new
 * one arrives (a failed reload shows the error).
 */
export function useCompanyRisk(companyId: string): { load: RiskLoad; reload: () => Promise<void> } {
  const [load, setLoad] = useState<RiskLoad>({ state: 'loading' });
  const reload = useCallback(async () => {
    try {
      setLoad({ state: 'loaded', risk: await fetchCompanyRisk(companyId) });
    } catch (error) {
      setLoad({ state: 'failed', error: asApiError(error) });
    }
  }, [companyId]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { load, reload };
}
