import { withRecordUrls } from '../../adapters/hubspot/with-record-urls.ts';
import type { PortalId, Store } from '../../store/store.ts';
import type { PreviewAccount } from './preview-account.ts';

export interface AccountsFromStoreOptions {
  store: Pick<Store, 'listCompanyIds' | 'getAccountState'>;
  portalId: PortalId;
  /** Company names by id, for companies not assessed yet (an assessment carries its own name). */
  names?: ReadonlyMap<string, string>;
  /** Yearly contract value by company id; 0 when unknown. The store keeps assessments, not deals. */
  revenues?: ReadonlyMap<string, number>;
}

/** The preview's default `readAccounts`: every company the app keeps state for, with its last assessment. */
export function accountsFromStore(options: AccountsFromStoreOptions): () => Promise<PreviewAccount[]> {
  const { store, portalId, names, revenues } = options;
  return async () => {
    const accounts: PreviewAccount[] = [];
    for (const companyId of await store.listCompanyIds(portalId)) {
      const state = await store.getAccountState(portalId, companyId);
      const assessment = state?.assessment ? withRecordUrls(state.assessment, portalId) : null;
      accounts.push({
        companyId,
        name: names?.get(companyId) ?? assessment?.accountName ?? `Company ${companyId}`,
        revenue: revenues?.get(companyId) ?? 0,
        assessment,
      });
    }
    return accounts;
  };
}
