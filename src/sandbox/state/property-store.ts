import { defaultGroups, defaultProperties } from './default-properties.ts';
import { OBJECT_TYPES, type ObjectType } from './portal-seed.ts';
import type { PropertyDataType, PropertyGroupRecord, PropertyOptionRecord, PropertyRecord } from './property-record.ts';
import { conflict, invalid, notFound } from './state-error.ts';

/** The fields of crm-properties-2026-09.json's PropertyCreate (and, all optional, PropertyUpdate). */
export interface PropertyInput {
  name: string;
  label: string;
  type: PropertyDataType;
  fieldType: string;
  groupName: string;
  description?: string;
  options?: PropertyOptionRecord[];
  displayOrder?: number;
  hasUniqueValue?: boolean;
  hidden?: boolean;
  formField?: boolean;
  externalOptions?: boolean;
  referencedObjectType?: string;
}
export type PropertyPatch = Partial<Omit<PropertyInput, 'name' | 'hasUniqueValue'>>;

export interface PropertyStore {
  list(type: ObjectType): PropertyRecord[];
  get(type: ObjectType, name: string): PropertyRecord | undefined;
  create(type: ObjectType, input: PropertyInput): PropertyRecord;
  update(type: ObjectType, name: string, patch: PropertyPatch): PropertyRecord;
  groups(type: ObjectType): PropertyGroupRecord[];
  createGroup(type: ObjectType, input: { name: string; label: string; displayOrder?: number }): PropertyGroupRecord;
}

/**
 * Which fieldTypes go with which type (https://developers.hubspot.com/docs/api-reference/latest/crm/properties/guide,
 * "Property type and fieldType values").
 */
const FIELD_TYPES: Record<PropertyDataType, readonly string[]> = {
  bool: ['booleancheckbox', 'calculation_equation'],
  enumeration: ['booleancheckbox', 'checkbox', 'radio', 'select', 'calculation_equation'],
  date: ['date'],
  datetime: ['date'],
  string: ['file', 'text', 'textarea', 'calculation_equation', 'html', 'phonenumber'],
  number: ['number', 'calculation_equation'],
  phone_number: ['phonenumber'],
};

const NAME = /^[a-z][a-z0-9_]*$/;

/** Property definitions and groups of a portal: HubSpot's defaults (default-properties.ts), then the app's own. */
export function createPropertyStore(now: () => number): PropertyStore {
  const properties = new Map<ObjectType, Map<string, PropertyRecord>>();
  const groups = new Map<ObjectType, Map<string, PropertyGroupRecord>>();
  const at = now();
  for (const type of OBJECT_TYPES) {
    properties.set(type, new Map(defaultProperties(type, at).map((p) => [p.name, p])));
    groups.set(type, new Map(defaultGroups(type).map((g) => [g.name, g])));
  }
  const propertiesOf = (type: ObjectType) => properties.get(type) as Map<string, PropertyRecord>;
  const groupsOf = (type: ObjectType) => groups.get(type) as Map<string, PropertyGroupRecord>;

  function check(type: ObjectType, p: PropertyRecord): void {
    if (!FIELD_TYPES[p.type].includes(p.fieldType)) {
      throw invalid(`fieldType ${p.fieldType} is not valid for a property of type ${p.type}`, {
        context: { fieldType: [p.fieldType], type: [p.type] },
      });
    }
    if (!groupsOf(type).has(p.groupName)) {
      throw invalid(`Property group ${p.groupName} does not exist for ${type}`, {
        context: { groupName: [p.groupName] },
      });
    }
    const values = p.options.map((o) => o.value);
    const repeated = values.filter((v, i) => values.indexOf(v) !== i);
    if (repeated.length > 0) {
      throw invalid(`Options must have distinct values; repeated: ${repeated.join(', ')}`, {
        context: { options: repeated },
      });
    }
  }

  function create(type: ObjectType, input: PropertyInput): PropertyRecord {
    if (!NAME.test(input.name)) {
      throw invalid(`Property name ${input.name} must start with a lowercase letter and hold only a-z, 0-9 and _`, {
        context: { name: [input.name] },
      });
    }
    if (propertiesOf(type).has(input.name)) {
      throw conflict(`Property named '${input.name}' already exists.`, { context: { name: [input.name] } });
    }
    const stamp = now();
    const record: PropertyRecord = {
      description: '',
      options: [],
      displayOrder: -1,
      hasUniqueValue: false,
      hidden: false,
      formField: false,
      externalOptions: false,
      ...structuredClone(input),
      hubspotDefined: false,
      readOnlyValue: false,
      calculated: false,
      createdAt: stamp,
      updatedAt: stamp,
      archived: false,
    };
    check(type, record);
    propertiesOf(type).set(record.name, record);
    return record;
  }

  function update(type: ObjectType, name: string, patch: PropertyPatch): PropertyRecord {
    const existing = propertiesOf(type).get(name);
    if (existing === undefined) throw notFound(`Property ${name} does not exist`, { context: { name: [name] } });
    const next: PropertyRecord = { ...existing, ...structuredClone(patch), updatedAt: now() };
    check(type, next);
    propertiesOf(type).set(name, next);
    return next;
  }

  function createGroup(type: ObjectType, input: { name: string; label: string; displayOrder?: number }) {
    if (!NAME.test(input.name)) {
      throw invalid(`Group name ${input.name} must start with a lowercase letter and hold only a-z, 0-9 and _`);
    }
    if (groupsOf(type).has(input.name)) {
      throw conflict(`A property group named '${input.name}' already exists.`, { context: { name: [input.name] } });
    }
    const group = { name: input.name, label: input.label, displayOrder: input.displayOrder ?? -1, archived: false };
    groupsOf(type).set(group.name, group);
    return group;
  }

  return {
    list: (type) => [...propertiesOf(type).values()],
    get: (type, name) => propertiesOf(type).get(name),
    create,
    update,
    groups: (type) => [...groupsOf(type).values()],
    createGroup,
  };
}
