import { z } from 'zod';

/**
 * The request bodies the sandbox serves, as crm-*-2026-09.json declare them (`required` lists included). Unknown
 * fields are ignored, as HubSpot ignores them.
 */
const id = z.string();
const properties = z.record(z.string(), z.string());
const AssociationSpec = z.object({
  associationCategory: z.enum(['HUBSPOT_DEFINED', 'INTEGRATOR_DEFINED', 'USER_DEFINED', 'WORK']),
  associationTypeId: z.number().int(),
});
const PublicAssociationsForObject = z.object({ to: z.object({ id }), types: z.array(AssociationSpec) });

export const BatchReadInput = z.object({
  inputs: z.array(z.object({ id })),
  properties: z.array(z.string()),
  propertiesWithHistory: z.array(z.string()),
  idProperty: z.string().optional(),
});

export const BatchUpdateInput = z.object({
  inputs: z.array(
    z.object({ id, properties, idProperty: z.string().optional(), objectWriteTraceId: z.string().optional() }),
  ),
});

export const CreateInput = z.object({ properties, associations: z.array(PublicAssociationsForObject) });
export type CreateInput = z.output<typeof CreateInput>;

export const BatchCreateInput = z.object({
  inputs: z.array(CreateInput.extend({ objectWriteTraceId: z.string().optional() })),
});

export const BatchIdsInput = z.object({ inputs: z.array(z.object({ id })) });

export const UpdateInput = z.object({ properties });

export const SearchFilter = z.object({
  propertyName: z.string(),
  operator: z.enum([
    'BETWEEN',
    'CONTAINS_TOKEN',
    'EQ',
    'GT',
    'GTE',
    'HAS_PROPERTY',
    'IN',
    'LT',
    'LTE',
    'NEQ',
    'NOT_CONTAINS_TOKEN',
    'NOT_HAS_PROPERTY',
    'NOT_IN',
  ]),
  value: z.string().optional(),
  values: z.array(z.string()).optional(),
  highValue: z.string().optional(),
});

export const SearchInput = z.object({
  after: z.string(),
  filterGroups: z.array(z.object({ filters: z.array(SearchFilter) })),
  limit: z.number().int(),
  properties: z.array(z.string()),
  // The 2026-09 spec declares sorts as property names (strings), each sorting ascending.
  sorts: z.array(z.string()),
  query: z.string().max(3000).optional(),
});

export const AssociationsReadInput = z.object({
  inputs: z.array(z.object({ id, after: z.string().optional() })),
});

export const AssociationsCreateInput = z.object({
  inputs: z.array(z.object({ from: z.object({ id }), to: z.object({ id }), types: z.array(AssociationSpec) })),
});

const OptionInput = z.object({
  label: z.string(),
  value: z.string(),
  displayOrder: z.number().int(),
  hidden: z.boolean(),
  description: z.string().optional(),
});
const PROPERTY_TYPES = ['bool', 'date', 'datetime', 'enumeration', 'number', 'phone_number', 'string'] as const;
const FIELD_TYPES = [
  'booleancheckbox',
  'calculation_equation',
  'checkbox',
  'date',
  'file',
  'html',
  'number',
  'phonenumber',
  'radio',
  'select',
  'text',
  'textarea',
] as const;

export const PropertyCreate = z.object({
  name: z.string(),
  label: z.string(),
  type: z.enum(PROPERTY_TYPES),
  fieldType: z.enum(FIELD_TYPES),
  groupName: z.string(),
  description: z.string().optional(),
  options: z.array(OptionInput).optional(),
  displayOrder: z.number().int().optional(),
  hasUniqueValue: z.boolean().optional(),
  hidden: z.boolean().optional(),
  formField: z.boolean().optional(),
  externalOptions: z.boolean().optional(),
  referencedObjectType: z.string().optional(),
});

export const BatchPropertyCreate = z.object({ inputs: z.array(PropertyCreate) });

export const PropertyUpdate = z.object({
  label: z.string().optional(),
  type: z.enum(PROPERTY_TYPES).optional(),
  fieldType: z.enum(FIELD_TYPES).optional(),
  groupName: z.string().optional(),
  description: z.string().optional(),
  options: z.array(OptionInput).optional(),
  displayOrder: z.number().int().optional(),
  hidden: z.boolean().optional(),
  formField: z.boolean().optional(),
});

export const PropertyGroupCreate = z.object({
  name: z.string(),
  label: z.string(),
  displayOrder: z.number().int().optional(),
});

export const ListCreate = z.object({
  name: z.string().min(1),
  objectTypeId: z.string(),
  processingType: z.enum(['MANUAL', 'SNAPSHOT', 'DYNAMIC']),
  filterBranch: z.looseObject({ filterBranchType: z.string() }).optional(),
  listFolderId: z.number().int().optional(),
  customProperties: z.record(z.string(), z.string()).optional(),
});

export const ListSearch = z.object({
  additionalProperties: z.array(z.string()),
  listIds: z.array(z.string()),
  offset: z.number().int().min(0),
  processingTypes: z.array(z.string()),
  count: z.number().int().min(1).max(500).optional(),
  objectTypeId: z.string().optional(),
  query: z.string().optional(),
  sort: z.string().optional(),
});
