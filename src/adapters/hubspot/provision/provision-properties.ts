import type { Logger } from 'pino';
import type { PortalId } from '../../../store/store.ts';
import type { HubSpotApi } from '../client/hubspot-api.ts';
import { HubSpotApiError } from '../client/hubspot-error.ts';
import { CHURN_GROUP, CHURN_PROPERTIES, type OptionInput, type PropertyDefinition } from './churn-properties.ts';

const PROPERTIES_PATH = '/crm/properties/2026-09/companies';

/** The parts of a Property (crm-properties-2026-09.json) the comparison needs. */
interface ExistingProperty {
  name: string;
  type: string;
  fieldType: string;
  groupName: string;
  options: { label: string; value: string; displayOrder?: number; hidden: boolean; description?: string }[];
}

export interface PropertyConflict {
  name: string;
  expected: { type: string; fieldType: string };
  found: { type: string; fieldType: string; groupName: string };
  /** Values the app writes that the property lacks; the app adds options only to properties in its own group. */
  missingOptions: string[];
  /** What the admin does about it. */
  message: string;
}

export interface PropertiesReport {
  groupCreated: boolean;
  created: string[];
  /** Options added to the app's own enumeration properties, by property. */
  optionsAdded: Record<string, string[]>;
  /** Existing properties the app cannot use as they are: reported, never changed. */
  conflicts: PropertyConflict[];
  /** Properties HubSpot refused to create, with its message. */
  failed: { name: string; message: string }[];
}

/**
 * The churn_signals group and DESIGN §4's properties on companies, idempotently: read what exists, create what is
 * missing in one batch, add missing options to the app's own enumerations. A property of the same name that does not
 * fit (another type; a single select where the app writes several values) is the admin's data: reported, not touched.
 */
export async function provisionProperties(
  api: Pick<HubSpotApi, 'request'>,
  portalId: PortalId,
  logger: Pick<Logger, 'warn'>,
): Promise<PropertiesReport> {
  const report: PropertiesReport = { groupCreated: false, created: [], optionsAdded: {}, conflicts: [], failed: [] };
  report.groupCreated = await ensureGroup(api, portalId);

  const existing = await api.request<{ results: ExistingProperty[] }>(portalId, {
    method: 'GET',
    path: PROPERTIES_PATH,
  });
  const byName = new Map(existing.results.map((p) => [p.name, p]));
  const missing: PropertyDefinition[] = [];
  const patches: { name: string; options: OptionInput[]; added: string[] }[] = [];

  for (const wanted of CHURN_PROPERTIES) {
    const found = byName.get(wanted.name);
    if (!found) {
      missing.push(wanted);
      continue;
    }
    const absent = (wanted.options ?? []).filter((o) => !found.options.some((f) => f.value === o.value));
    if (!fits(wanted, found)) {
      report.conflicts.push(conflict(wanted, found, []));
    } else if (absent.length > 0 && found.groupName !== CHURN_GROUP.name) {
      report.conflicts.push(
        conflict(
          wanted,
          found,
          absent.map((o) => o.value),
        ),
      );
    } else if (absent.length > 0) {
      // PATCH replaces the whole option list: the existing options go back as they are, the new ones after them.
      const kept: OptionInput[] = found.options.map((o, i) => ({
        label: o.label,
        value: o.value,
        displayOrder: o.displayOrder ?? i,
        hidden: o.hidden,
        ...(o.description ? { description: o.description } : {}),
      }));
      const added = absent.map((o, i) => ({ ...o, displayOrder: kept.length + i }));
      patches.push({ name: wanted.name, options: [...kept, ...added], added: added.map((o) => o.value) });
    }
  }

  if (missing.length > 0) {
    const inputs = missing.map(({ written: _, ...create }) => create);
    const result = await api.request<{
      results: { name: string }[];
      errors?: { message: string; context?: Record<string, string[]> }[];
    }>(portalId, { method: 'POST', path: `${PROPERTIES_PATH}/batch/create`, body: { inputs } });
    report.created = result.results.map((p) => p.name);
    const refused = missing.filter((p) => !report.created.includes(p.name));
    const message = (result.errors ?? []).map((e) => e.message).join('; ') || 'no reason given';
    report.failed = refused.map((p) => ({ name: p.name, message }));
  }

  for (const patch of patches) {
    await api.request(portalId, {
      method: 'PATCH',
      path: `${PROPERTIES_PATH}/${encodeURIComponent(patch.name)}`,
      body: { options: patch.options },
    });
    report.optionsAdded[patch.name] = patch.added;
  }

  for (const c of report.conflicts)
    logger.warn({ portalId, property: c.name, expected: c.expected, found: c.found }, c.message);
  for (const f of report.failed)
    logger.warn({ portalId, property: f.name }, `HubSpot refused to create ${f.name}: ${f.message}`);
  return report;
}

async function ensureGroup(api: Pick<HubSpotApi, 'request'>, portalId: PortalId): Promise<boolean> {
  const groups = await api.request<{ results: { name: string }[] }>(portalId, {
    method: 'GET',
    path: `${PROPERTIES_PATH}/groups`,
  });
  if (groups.results.some((g) => g.name === CHURN_GROUP.name)) return false;
  try {
    await api.request(portalId, { method: 'POST', path: `${PROPERTIES_PATH}/groups`, body: { ...CHURN_GROUP } });
    return true;
  } catch (error) {
    // Created in between by a concurrent install of the same portal: that is the group wanted.
    if (error instanceof HubSpotApiError && error.kind === 'conflict') return false;
    throw error;
  }
}

/** Same type; for enumerations, multi-valued (checkbox) exactly when the app writes several values. */
function fits(wanted: PropertyDefinition, found: ExistingProperty): boolean {
  if (found.type !== wanted.type) return false;
  if (wanted.type !== 'enumeration') return true;
  return (found.fieldType === 'checkbox') === (wanted.fieldType === 'checkbox');
}

function conflict(wanted: PropertyDefinition, found: ExistingProperty, missingOptions: string[]): PropertyConflict {
  const where = `Settings > Properties > Company properties`;
  const consequence = wanted.written
    ? `until then the app cannot write ${wanted.name}`
    : `or map this input to another property in the app settings`;
  const message =
    missingOptions.length === 0
      ? `The company property ${wanted.name} already exists as ${found.type}/${found.fieldType} (group ${found.groupName}); Churn Signals needs ${wanted.type}/${wanted.fieldType}. Rename or delete it in HubSpot (${where}) and reinstall the app, which creates it again; ${consequence}.`
      : `The company property ${wanted.name} exists outside the ${CHURN_GROUP.name} group and lacks the options ${missingOptions.join(', ')}. Add them in HubSpot (${where}), or rename the property and reinstall the app; ${consequence}.`;
  return {
    name: wanted.name,
    expected: { type: wanted.type, fieldType: wanted.fieldType },
    found: { type: found.type, fieldType: found.fieldType, groupName: found.groupName },
    missingOptions,
    message,
  };
}
