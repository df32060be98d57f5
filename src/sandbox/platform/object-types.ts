/**
 * The CRM object types the sandbox knows, by the plural name its state uses, with HubSpot's object type id and the
 * singular name webhook subscriptions use. Contacts, companies, deals and tickets have the legacy webhook
 * subscription types (`contact.propertyChange`); the others only the generic `object.*` ones, which name the type
 * in `objectTypeId`: https://developers.hubspot.com/docs/api-reference/latest/crm/understanding-the-crm#object-type-ids
 */
export interface ObjectTypeInfo {
  /** The state's name, as in the CRM paths: `companies`. */
  name: string;
  /** HubSpot's object type id: `0-2`. */
  id: string;
  /** The webhook subscription's objectType: `company`. */
  singular: string;
  /** Has the legacy `<singular>.<event>` subscription types. */
  legacy: boolean;
}

const TYPES: readonly ObjectTypeInfo[] = [
  { name: 'contacts', id: '0-1', singular: 'contact', legacy: true },
  { name: 'companies', id: '0-2', singular: 'company', legacy: true },
  { name: 'deals', id: '0-3', singular: 'deal', legacy: true },
  { name: 'tickets', id: '0-5', singular: 'ticket', legacy: true },
  { name: 'feedback_submissions', id: '0-19', singular: 'feedback_submission', legacy: false },
  { name: 'tasks', id: '0-27', singular: 'task', legacy: false },
  { name: 'notes', id: '0-46', singular: 'note', legacy: false },
  { name: 'meetings', id: '0-47', singular: 'meeting', legacy: false },
  { name: 'calls', id: '0-48', singular: 'call', legacy: false },
  { name: 'emails', id: '0-49', singular: 'email', legacy: false },
];

/** The type named by its plural name, singular name or object type id (`companies`, `company`, `0-2`); else null. */
export function objectTypeInfo(name: string): ObjectTypeInfo | null {
  const wanted = name.toLowerCase();
  return TYPES.find((t) => t.name === wanted || t.singular === wanted || t.id === wanted) ?? null;
}
