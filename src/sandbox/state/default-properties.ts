import { COMMON, DEFS, label } from './default-property-table.ts';
import type { ObjectType } from './portal-seed.ts';
import type { PropertyGroupRecord, PropertyRecord } from './property-record.ts';

/** Each type's default group, where its default properties sit. */
export const DEFAULT_GROUPS: Readonly<Record<ObjectType, { name: string; label: string }>> = {
  companies: { name: 'companyinformation', label: 'Company information' },
  contacts: { name: 'contactinformation', label: 'Contact information' },
  deals: { name: 'dealinformation', label: 'Deal information' },
  tickets: { name: 'ticketinformation', label: 'Ticket information' },
  emails: { name: 'email_information', label: 'Email information' },
  calls: { name: 'call_information', label: 'Call information' },
  meetings: { name: 'meeting_information', label: 'Meeting information' },
  notes: { name: 'note_information', label: 'Note information' },
  tasks: { name: 'task_information', label: 'Task information' },
  feedback_submissions: { name: 'feedback_submission_information', label: 'Feedback submission information' },
};

/** Fresh copies of the type's default property definitions, stamped `at`. */
export function defaultProperties(type: ObjectType, at: number): PropertyRecord[] {
  const group = DEFAULT_GROUPS[type].name;
  return [...COMMON, ...DEFS[type]].map(([name, dataType, fieldType, extra], displayOrder) => ({
    name,
    label: label(name),
    type: dataType,
    fieldType,
    description: '',
    groupName: group,
    options: [],
    displayOrder,
    hasUniqueValue: false,
    hidden: false,
    formField: false,
    hubspotDefined: true,
    readOnlyValue: false,
    calculated: false,
    externalOptions: false,
    createdAt: at,
    updatedAt: at,
    archived: false,
    ...structuredClone(extra ?? {}),
  }));
}

export function defaultGroups(type: ObjectType): PropertyGroupRecord[] {
  return [{ ...DEFAULT_GROUPS[type], displayOrder: 0, archived: false }];
}
