import { readFile } from 'node:fs/promises';
import { parseHubSpotBundle } from '../../../src/adapters/hubspot/bundle.ts';
import { toSnapshot } from '../../../src/adapters/hubspot/to-snapshot.ts';
import { withRecordUrls } from '../../../src/adapters/hubspot/with-record-urls.ts';
import { assess } from '../../../src/core/assess.ts';
import { contractValue } from '../../../src/core/contract-value.ts';
import { resolveConfig } from '../../../src/core/tenant-config.ts';
import type { PreviewAccount } from '../../../src/demo/preview/preview-account.ts';
import { SIGNALS } from '../../../src/signals/index.ts';
import { NOW } from '../../helpers/build.ts';

/** Preview accounts with real assessments: the engine run on test/scenarios bundles, as `npm start` ranks them. */
export async function scenarioAccounts(names: readonly string[]): Promise<PreviewAccount[]> {
  const config = resolveConfig({}, SIGNALS);
  const accounts: PreviewAccount[] = [];
  for (const name of names) {
    const json: unknown = JSON.parse(await readFile(new URL(`../../scenarios/${name}.json`, import.meta.url), 'utf8'));
    const bundle = parseHubSpotBundle(json);
    const snapshot = toSnapshot(bundle, config.mappings);
    const assessment = withRecordUrls(assess(snapshot, config, NOW), bundle.portalId);
    accounts.push({
      companyId: snapshot.account.id,
      name: snapshot.account.name ?? snapshot.account.id,
      revenue: contractValue(snapshot, NOW),
      assessment,
    });
  }
  return accounts;
}
