import type { RecordType } from '../../core/snapshot.ts';

/** HubSpot object type ids of the record types the snapshot refers to; owners have no record page. */
export const HUBSPOT_OBJECT_TYPE_IDS: Readonly<Record<RecordType, string | null>> = {
  company: '0-2',
  contact: '0-1',
  deal: '0-3',
  ticket: '0-5',
  email: '0-49',
  call: '0-48',
  meeting: '0-47',
  note: '0-46',
  task: '0-27',
  feedback_submission: '0-19',
  owner: null,
};

/** The record's page in HubSpot, for evidence links; null for records without one (owners). */
export function hubspotRecordUrl(portalId: number | string, type: RecordType, id: string): string | null {
  const objectTypeId = HUBSPOT_OBJECT_TYPE_IDS[type];
  if (objectTypeId == null) return null;
  return `https://app.hubspot.com/contacts/${portalId}/record/${objectTypeId}/${encodeURIComponent(id)}`;
}
