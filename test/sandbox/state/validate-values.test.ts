import { describe, expect, it } from 'vitest';
import { defaultProperties } from '../../../src/sandbox/state/default-properties.ts';
import type { PropertyRecord } from '../../../src/sandbox/state/property-record.ts';
import { createPropertyStore } from '../../../src/sandbox/state/property-store.ts';
import { StateError } from '../../../src/sandbox/state/state-error.ts';
import { validateValues } from '../../../src/sandbox/state/validate-values.ts';
import { caught } from '../../helpers/caught.ts';
import { T0 } from './seed.ts';

const definitions = new Map<string, PropertyRecord>(
  [...defaultProperties('tasks', T0), ...defaultProperties('companies', T0)].map((p) => [p.name, p]),
);
const validate = (values: Record<string, string>) =>
  validateValues(
    values,
    (name) => definitions.get(name),
    (id) => id === '77',
  );

describe('validateValues', () => {
  it('stores datetimes as ISO 8601 and dates as YYYY-MM-DD, whichever documented format was sent', () => {
    expect(validate({ hs_timestamp: String(Date.parse('2026-11-20T10:00:00Z')) })).toEqual({
      hs_timestamp: '2026-11-20T10:00:00.000Z',
    });
    expect(validate({ hs_timestamp: '2026-11-20T10:00:00+01:00' })).toEqual({
      hs_timestamp: '2026-11-20T09:00:00.000Z',
    });
  });

  it('accepts options, owner ids, numbers and the empty string that clears a value', () => {
    const values = { hs_task_status: 'COMPLETED', hubspot_owner_id: '77', annualrevenue: '12.5', name: '' };
    expect(validate(values)).toEqual(values);
  });

  it('names every bad value with its HubSpot error code', () => {
    const error = caught(
      () =>
        validate({
          hs_task_status: 'DONE',
          hubspot_owner_id: '5',
          annualrevenue: 'a lot',
          hs_object_id: '1',
          hs_timestamp: 'tomorrow',
          nope: 'x',
        }),
      StateError,
    );
    expect(error.kind).toBe('invalid');
    expect(error.message).toMatch(/^Property values were not valid: \[/);
    expect(error.details.map((d) => d.code)).toEqual([
      'INVALID_OPTION',
      'INVALID_OWNER_ID',
      'INVALID_NUMBER',
      'READ_ONLY_VALUE',
      'INVALID_DATETIME',
      'PROPERTY_DOESNT_EXIST',
    ]);
  });
});

describe('property store', () => {
  it('splits a multiple checkbox value into options when validating', () => {
    const store = createPropertyStore(() => T0);
    const role = store.get('contacts', 'hs_buying_role');
    const check = (value: string) => () =>
      validateValues(
        { hs_buying_role: value },
        () => role,
        () => false,
      );
    expect(check('CHAMPION;DECISION_MAKER')).not.toThrow();
    expect(check('CHAMPION;HERO')).toThrow(/HERO was not one of the allowed options/);
  });

  it('refuses a name HubSpot would not take, a group that exists, and a repeated option value', () => {
    const store = createPropertyStore(() => T0);
    const base = { label: 'x', type: 'string' as const, fieldType: 'text', groupName: 'companyinformation' };
    expect(() => store.create('companies', { ...base, name: 'Bad Name' })).toThrow(
      /must start with a lowercase letter/,
    );
    expect(() => store.createGroup('companies', { name: 'companyinformation', label: 'x' })).toThrow(/already exists/);
    const option = { label: 'A', value: 'a', displayOrder: 0, hidden: false };
    expect(() =>
      store.create('companies', {
        ...base,
        name: 'pick',
        type: 'enumeration',
        fieldType: 'select',
        options: [option, option],
      }),
    ).toThrow(/repeated: a/);
  });
});
