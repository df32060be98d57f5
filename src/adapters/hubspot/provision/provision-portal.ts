import type { Logger } from 'pino';
import type { PortalId } from '../../../store/store.ts';
import type { HubSpotApi } from '../client/hubspot-api.ts';
import { type ListResult, provisionHighRiskList } from './provision-list.ts';
import { type PropertyConflict, provisionProperties } from './provision-properties.ts';

export interface ProvisionReport {
  portalId: PortalId;
  groupCreated: boolean;
  propertiesCreated: string[];
  optionsAdded: Record<string, string[]>;
  conflicts: PropertyConflict[];
  failed: { name: string; message: string }[];
  /** Skipped while churn_risk_level, which it filters on, is not the app's. */
  list: ListResult | { skipped: string };
}

/**
 * What an install sets up in the portal (DESIGN §4): the churn_signals property group and properties, then the list
 * "Churn risk: high or critical". Safe to run again: a second run reads, finds everything, and creates nothing.
 */
export async function provisionPortal(
  api: Pick<HubSpotApi, 'request'>,
  portalId: PortalId,
  logger: Pick<Logger, 'info' | 'warn'>,
): Promise<ProvisionReport> {
  const properties = await provisionProperties(api, portalId, logger);
  const levelUnusable = [...properties.conflicts, ...properties.failed].some((p) => p.name === 'churn_risk_level');
  const list = levelUnusable
    ? { skipped: 'churn_risk_level is not usable (see conflicts); the list filters on it' }
    : await provisionHighRiskList(api, portalId);
  const report: ProvisionReport = {
    portalId,
    groupCreated: properties.groupCreated,
    propertiesCreated: properties.created,
    optionsAdded: properties.optionsAdded,
    conflicts: properties.conflicts,
    failed: properties.failed,
    list,
  };
  logger.info(
    {
      portalId,
      groupCreated: report.groupCreated,
      propertiesCreated: report.propertiesCreated.length,
      optionsAdded: Object.keys(report.optionsAdded).length,
      conflicts: report.conflicts.length,
      failed: report.failed.length,
      listCreated: 'created' in list ? list.created : false,
    },
    'HubSpot portal provisioned',
  );
  return report;
}
