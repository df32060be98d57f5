/** A property definition as the sandbox keeps it: the fields of crm-properties-2026-09.json's `Property`. */
export interface PropertyOptionRecord {
  label: string;
  value: string;
  displayOrder: number;
  hidden: boolean;
  description?: string;
}

export type PropertyDataType = 'bool' | 'date' | 'datetime' | 'enumeration' | 'number' | 'phone_number' | 'string';

export interface PropertyRecord {
  name: string;
  label: string;
  type: PropertyDataType;
  fieldType: string;
  description: string;
  groupName: string;
  options: PropertyOptionRecord[];
  displayOrder: number;
  hasUniqueValue: boolean;
  hidden: boolean;
  formField: boolean;
  /** HubSpot's own default properties; false for those created through the API. */
  hubspotDefined: boolean;
  /** Values HubSpot computes (hs_object_id, hs_lastmodifieddate, …): a write is refused with READ_ONLY_VALUE. */
  readOnlyValue: boolean;
  calculated: boolean;
  externalOptions: boolean;
  /** 'OWNER' for hubspot_owner_id: values must be owner ids. */
  referencedObjectType?: string;
  createdAt: number;
  updatedAt: number;
  archived: boolean;
}

export interface PropertyGroupRecord {
  name: string;
  label: string;
  displayOrder: number;
  archived: boolean;
}
