import type { PortalId } from '../../../store/store.ts';
import type { HubSpotApi } from '../client/hubspot-api.ts';
import { HubSpotApiError } from '../client/hubspot-error.ts';
import { HUBSPOT_OBJECT_TYPE_IDS } from '../record-url.ts';

export const HIGH_RISK_LIST_NAME = 'Churn risk: high or critical';
const LISTS_PATH = '/crm/lists/2026-09';
const COMPANY = HUBSPOT_OBJECT_TYPE_IDS.company as string;

export interface ListResult {
  listId: string;
  created: boolean;
}

/**
 * The company list for CS leaders (DESIGN §4), once: looked up by name first (names are unique per portal), created
 * when absent. DYNAMIC, so HubSpot keeps its members in step with churn_risk_level. Filters follow HubSpot's list
 * filter rules: an OR root holding AND branches (https://developers.hubspot.com/docs/api-reference/latest/crm/lists/list-filters).
 */
export async function provisionHighRiskList(api: Pick<HubSpotApi, 'request'>, portalId: PortalId): Promise<ListResult> {
  try {
    const found = await api.request<{ list: { listId: string } }>(portalId, {
      method: 'GET',
      path: `${LISTS_PATH}/object-type-id/${COMPANY}/name/${encodeURIComponent(HIGH_RISK_LIST_NAME)}`,
    });
    return { listId: found.list.listId, created: false };
  } catch (error) {
    if (!(error instanceof HubSpotApiError && error.kind === 'not_found')) throw error;
  }
  const created = await api.request<{ list: { listId: string } }>(portalId, {
    method: 'POST',
    path: LISTS_PATH,
    body: highRiskListRequest(),
  });
  return { listId: created.list.listId, created: true };
}

export function highRiskListRequest() {
  return {
    name: HIGH_RISK_LIST_NAME,
    objectTypeId: COMPANY,
    processingType: 'DYNAMIC',
    filterBranch: {
      filterBranchType: 'OR',
      filterBranchOperator: 'OR',
      filters: [],
      filterBranches: [
        {
          filterBranchType: 'AND',
          filterBranchOperator: 'AND',
          filterBranches: [],
          filters: [
            {
              filterType: 'PROPERTY',
              property: 'churn_risk_level',
              operation: {
                operationType: 'ENUMERATION',
                operator: 'IS_ANY_OF',
                values: ['high', 'critical'],
                includeObjectsWithNoValueSet: false,
              },
            },
          ],
        },
      ],
    },
  };
}
