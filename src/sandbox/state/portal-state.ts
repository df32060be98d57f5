import type { HubSpotOwner } from '../../adapters/hubspot/bundle.ts';
import { type AssociationEnd, createAssociationStore } from './association-store.ts';
import { type AssociationKind, canAssociate } from './association-types.ts';
import { createListStore, type ListStore } from './list-store.ts';
import { createObjectStore, type PropertyValues } from './object-store.ts';
import { objectTypeOfSingular } from './object-types.ts';
import type { ObjectType, PortalSeed } from './portal-seed.ts';
import { createPropertyStore, type PropertyStore } from './property-store.ts';
import { CRM_UI, type SandboxChange, type WriteSource } from './sandbox-change.ts';
import { type SearchPage, type SearchQuery, searchObjects } from './search-objects.ts';
import { conflict, invalid, notFound } from './state-error.ts';
import { currentValue, type StoredObject } from './stored-object.ts';
import { validateValues } from './validate-values.ts';

export interface NewAssociation {
  to: AssociationEnd;
  kinds?: AssociationKind[];
}

/**
 * One HubSpot portal: records with their property histories, associations, owners, property definitions and lists.
 * Writes here are trusted (seeds, scripted timelines, tests): the API layer validates what it receives first with
 * `validateWrite`, as HubSpot does. Every change is reported to the state's listeners.
 */
export interface PortalState {
  readonly portalId: number;
  readonly properties: PropertyStore;
  readonly lists: ListStore;
  get(type: ObjectType, id: string, options?: { archived?: boolean }): StoredObject | undefined;
  /** The type's records, archived ones instead when asked, by id ascending. */
  list(type: ObjectType, options?: { archived?: boolean }): StoredObject[];
  create(
    type: ObjectType,
    properties: PropertyValues,
    associations?: NewAssociation[],
    source?: WriteSource,
  ): StoredObject;
  update(type: ObjectType, id: string, properties: PropertyValues, source?: WriteSource): StoredObject;
  archive(type: ObjectType, id: string, source?: WriteSource): boolean;
  associate(from: AssociationEnd, to: AssociationEnd, kinds?: AssociationKind[], source?: WriteSource): void;
  dissociate(from: AssociationEnd, to: AssociationEnd, source?: WriteSource): boolean;
  /** Merges `mergedId` into `primaryId`: values the primary lacks and every association move over. */
  merge(type: ObjectType, primaryId: string, mergedId: string, source?: WriteSource): StoredObject;
  /** Ids of live `toType` records associated with the record, ascending. */
  associatedIds(from: AssociationEnd, toType: ObjectType): string[];
  associationKinds(from: AssociationEnd, to: AssociationEnd): AssociationKind[];
  search(type: ObjectType, query: SearchQuery): SearchPage;
  /** The values as HubSpot would store them, or a StateError as HubSpot refuses them (see validate-values.ts). */
  validateWrite(type: ObjectType, values: PropertyValues, exceptId?: string): Record<string, string>;
  owners(options?: { archived?: boolean }): HubSpotOwner[];
}

export function createPortalState(
  portalId: number,
  now: () => number,
  emit: (change: SandboxChange) => void,
  seed?: PortalSeed,
): PortalState {
  let loading = seed !== undefined;
  const report = (change: SandboxChange) => {
    if (!loading) emit(change);
  };
  const objects = createObjectStore(now, report);
  const associations = createAssociationStore(now, report);
  const properties = createPropertyStore(now);
  const lists = createListStore(now);
  const owners: HubSpotOwner[] = structuredClone(seed?.owners ?? []);

  const live = (end: AssociationEnd) => objects.get(end.type, end.id) !== undefined;
  function mustExist(end: AssociationEnd): StoredObject {
    const record = objects.get(end.type, end.id);
    if (record === undefined) throw notFound(`No ${end.type} with id ${end.id}`, { context: { ids: [end.id] } });
    return record;
  }
  function associate(from: AssociationEnd, to: AssociationEnd, kinds: AssociationKind[] = [], source = CRM_UI) {
    if (!canAssociate(from.type, to.type)) throw invalid(`${from.type} cannot be associated with ${to.type}`);
    const a = mustExist(from);
    const b = mustExist(to);
    followPrimary([from, to], source, () =>
      associations.associate({ type: a.type, id: a.id }, { type: b.type, id: b.id }, kinds, source),
    );
  }

  function primaryCompanyOf(contactId: string): string {
    const contact = { type: 'contacts' as const, id: contactId };
    const companies = associations.idsFrom(contact, 'companies');
    return companies.find((id) => associations.kinds(contact, { type: 'companies', id }).includes('primary')) ?? '';
  }

  /**
   * HubSpot keeps a contact's `associatedcompanyid` on its primary company: when an association change moves it, the
   * property changes too (with history), which is how the app sees a contact move to another company.
   */
  function followPrimary<T>(ends: readonly AssociationEnd[], source: WriteSource, change: () => T): T {
    const contact = ends.find((end) => end.type === 'contacts' && objects.get('contacts', end.id) !== undefined);
    if (loading || contact === undefined || !ends.some((end) => end.type === 'companies')) return change();
    const before = primaryCompanyOf(contact.id);
    const result = change();
    const after = primaryCompanyOf(contact.id);
    if (after !== before) objects.update('contacts', contact.id, { associatedcompanyid: after }, source);
    return result;
  }

  function validateWrite(type: ObjectType, values: PropertyValues, exceptId?: string): Record<string, string> {
    const valid = validateValues(
      values,
      (name) => properties.get(type, name),
      (id) => owners.some((owner) => owner.id === id && !owner.archived),
    );
    for (const [name, value] of Object.entries(valid)) {
      if (value === '' || !properties.get(type, name)?.hasUniqueValue) continue;
      const taken = objects.all(type).find((o) => !o.archived && o.id !== exceptId && currentValue(o, name) === value);
      if (taken) {
        throw conflict(`A ${type} with ${name} ${value} already exists. Existing ID: ${taken.id}`, {
          context: { [name]: [value] },
        });
      }
    }
    return valid;
  }

  const state: PortalState = {
    portalId,
    properties,
    lists,
    get: (type, id, options) => objects.get(type, id, options),
    list: (type, options = {}) =>
      objects.all(type).filter((o) => o.mergedInto === undefined && o.archived === (options.archived ?? false)),
    create(type, values, links = [], source = CRM_UI) {
      for (const link of links) {
        mustExist(link.to);
        if (!canAssociate(type, link.to.type)) throw invalid(`${type} cannot be associated with ${link.to.type}`);
      }
      const record = objects.create(type, values, source);
      for (const link of links) associate({ type, id: record.id }, link.to, link.kinds ?? [], source);
      return record;
    },
    update(type, id, values, source = CRM_UI) {
      mustExist({ type, id });
      return objects.update(type, id, values, source);
    },
    archive: (type, id, source = CRM_UI) => objects.archive(type, id, source),
    associate,
    dissociate: (from, to, source = CRM_UI) =>
      followPrimary([from, to], source, () => associations.dissociate(from, to, source)),
    merge(type, primaryId, mergedId, source = CRM_UI) {
      const primary = mustExist({ type, id: primaryId });
      const merged = mustExist({ type, id: mergedId });
      if (primary.id === merged.id) throw invalid(`Cannot merge ${type} ${primaryId} into itself`);
      const moved: Record<string, string> = {};
      for (const [name, entries] of merged.history) {
        const value = entries[0]?.value;
        if (value && !currentValue(primary, name)) moved[name] = value;
      }
      objects.update(type, primary.id, moved, source);
      associations.moveAll({ type, id: merged.id }, { type, id: primary.id });
      objects.markMerged(type, merged.id, primary.id);
      emit({
        objectType: type,
        objectId: primary.id,
        kind: 'merge',
        changeSource: source.sourceType,
        ...(source.sourceId ? { sourceId: source.sourceId } : {}),
        primaryObjectId: primary.id,
        mergedObjectIds: [merged.id],
        occurredAt: now(),
      });
      return primary;
    },
    associatedIds: (from, toType) => associations.idsFrom(from, toType).filter((id) => live({ type: toType, id })),
    associationKinds: (from, to) => associations.kinds(from, to),
    search(type, query) {
      return searchObjects(state.list(type), query, {
        definitionOf: (name) => properties.get(type, name),
        associationType: objectTypeOfSingular,
        associatedIds: (record, toType) => state.associatedIds({ type, id: record.id }, toType),
      });
    },
    validateWrite,
    owners: (options = {}) => structuredClone(owners.filter((owner) => owner.archived === (options.archived ?? false))),
  };

  if (seed !== undefined) {
    for (const [type, records] of Object.entries(seed.objects) as [ObjectType, PortalSeed['objects'][ObjectType]][]) {
      for (const record of records ?? []) objects.load(type, record);
    }
    for (const link of seed.associations) {
      associate({ type: link.fromType, id: link.fromId }, { type: link.toType, id: link.toId });
    }
    loading = false;
  }
  return state;
}
