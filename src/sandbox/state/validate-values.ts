import type { PropertyRecord } from './property-record.ts';
import { invalid } from './state-error.ts';

interface Problem {
  name: string;
  error: string;
  message: string;
}

/**
 * The values of a write as HubSpot stores them, or a VALIDATION_ERROR naming every bad one, as HubSpot refuses a
 * write ("Read-only and non-existent properties will result in an error", crm-objects-2026-09.json, PATCH). An
 * empty string clears a value. Numbers, booleans, dates and options are checked against the definition; a datetime
 * is stored as ISO 8601 and a date as YYYY-MM-DD, whichever of the formats HubSpot documents was sent
 * (https://developers.hubspot.com/docs/faq/how-should-timestamps-be-formatted-for-hubspots-apis).
 */
export function validateValues(
  values: Readonly<Record<string, string>>,
  definitionOf: (name: string) => PropertyRecord | undefined,
  isOwner: (id: string) => boolean,
): Record<string, string> {
  const out: Record<string, string> = {};
  const problems: Problem[] = [];
  for (const [name, value] of Object.entries(values)) {
    const definition = definitionOf(name);
    const result = definition === undefined ? missing(name) : checkValue(definition, value, isOwner);
    if (typeof result === 'string') out[name] = result;
    else problems.push(result);
  }
  if (problems.length > 0) {
    const listed = problems.map((p) => ({ isValid: false, message: p.message, error: p.error, name: p.name }));
    throw invalid(`Property values were not valid: ${JSON.stringify(listed)}`, {
      details: problems.map((p) => ({ message: p.message, code: p.error, context: { propertyName: [p.name] } })),
    });
  }
  return out;
}

function missing(name: string): Problem {
  return { name, error: 'PROPERTY_DOESNT_EXIST', message: `Property "${name}" does not exist` };
}

function checkValue(p: PropertyRecord, value: string, isOwner: (id: string) => boolean): string | Problem {
  const problem = (error: string, message: string): Problem => ({ name: p.name, error, message });
  if (p.readOnlyValue) {
    return problem('READ_ONLY_VALUE', `"${p.name}" is a read only property; its value cannot be set.`);
  }
  if (value === '') return value;
  switch (p.type) {
    case 'number':
      return /^-?\d+(\.\d+)?$/.test(value) ? value : problem('INVALID_NUMBER', `${value} is not a valid number.`);
    case 'bool':
      return value === 'true' || value === 'false'
        ? value
        : problem('INVALID_BOOLEAN', `${value} is not a valid boolean: use true or false.`);
    case 'datetime': {
      const at = instant(value);
      return at === null
        ? problem('INVALID_DATETIME', `${value} is not a valid datetime: use epoch milliseconds or ISO 8601.`)
        : new Date(at).toISOString();
    }
    case 'date': {
      const at = instant(value);
      if (at === null || at % 86_400_000 !== 0) {
        return problem(
          'INVALID_DATE',
          `${value} is not a valid date: use midnight UTC in epoch milliseconds or YYYY-MM-DD.`,
        );
      }
      return new Date(at).toISOString().slice(0, 10);
    }
    case 'enumeration':
      return checkOption(p, value, isOwner) ?? value;
    default:
      return value;
  }
}

function checkOption(p: PropertyRecord, value: string, isOwner: (id: string) => boolean): Problem | null {
  if (p.referencedObjectType === 'OWNER') {
    return isOwner(value) ? null : { name: p.name, error: 'INVALID_OWNER_ID', message: `No owner with id ${value}.` };
  }
  if (p.options.length === 0) return null;
  const allowed = new Set(p.options.map((o) => o.value));
  const chosen = p.fieldType === 'checkbox' ? value.split(';') : [value];
  const wrong = chosen.filter((v) => !allowed.has(v));
  if (wrong.length === 0) return null;
  return {
    name: p.name,
    error: 'INVALID_OPTION',
    message: `${wrong.join(';')} was not one of the allowed options: [${[...allowed].join(', ')}]`,
  };
}

/** Epoch milliseconds of a value sent as epoch milliseconds, an ISO date-time or a date; null when neither. */
export function instant(value: string): number | null {
  if (/^-?\d+$/.test(value)) return Number(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value)) return null;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : at;
}
