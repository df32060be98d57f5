import type { PropertyGroupRecord, PropertyRecord } from '../state/property-record.ts';

/** A definition as crm-properties-2026-09.json's `Property` describes it. */
export function renderProperty(p: PropertyRecord) {
  return {
    name: p.name,
    label: p.label,
    type: p.type,
    fieldType: p.fieldType,
    description: p.description,
    groupName: p.groupName,
    options: p.options.map((o) => ({ ...o })),
    displayOrder: p.displayOrder,
    calculated: p.calculated,
    externalOptions: p.externalOptions,
    ...(p.referencedObjectType ? { referencedObjectType: p.referencedObjectType } : {}),
    hasUniqueValue: p.hasUniqueValue,
    hidden: p.hidden,
    hubspotDefined: p.hubspotDefined,
    formField: p.formField,
    modificationMetadata: {
      archivable: !p.hubspotDefined,
      readOnlyDefinition: p.hubspotDefined,
      readOnlyValue: p.readOnlyValue,
    },
    dataSensitivity: 'non_sensitive' as const,
    createdAt: new Date(p.createdAt).toISOString(),
    updatedAt: new Date(p.updatedAt).toISOString(),
    archived: p.archived,
  };
}

export function renderGroup(g: PropertyGroupRecord) {
  return { name: g.name, label: g.label, displayOrder: g.displayOrder, archived: g.archived };
}
