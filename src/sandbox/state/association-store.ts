import { type AssociationKind, associationTypeId } from './association-types.ts';
import { compareIds } from './compare-ids.ts';
import type { ObjectType } from './portal-seed.ts';
import type { SandboxChange, WriteSource } from './sandbox-change.ts';

export interface AssociationEnd {
  type: ObjectType;
  id: string;
}

export interface AssociationStore {
  /**
   * Adds the kinds to the pair (the unlabeled one always). A contact, deal or ticket's first company becomes its
   * primary one, as in HubSpot; a new primary company replaces the old one. Reports each direction once when the
   * pair was not associated before.
   */
  associate(from: AssociationEnd, to: AssociationEnd, kinds: readonly AssociationKind[], source: WriteSource): void;
  /** Removes every association between the two; false when there was none. */
  dissociate(from: AssociationEnd, to: AssociationEnd, source: WriteSource): boolean;
  /** The ids of `toType` records associated with `from`, ascending. */
  idsFrom(from: AssociationEnd, toType: ObjectType): string[];
  /** The kinds between the two, as seen from `from` ([] when not associated). */
  kinds(from: AssociationEnd, to: AssociationEnd): AssociationKind[];
  /** Moves every association of `merged` to `primary` (a merge). */
  moveAll(merged: AssociationEnd, primary: AssociationEnd): void;
}

const key = (end: AssociationEnd) => `${end.type}:${end.id}`;

/** The associations of a portal, undirected: a pair is stored once and read from either end. */
export function createAssociationStore(now: () => number, emit: (change: SandboxChange) => void): AssociationStore {
  /** `${type}:${id}` → other type → other id → kinds (primary means: the company end is the other's primary). */
  const edges = new Map<string, Map<ObjectType, Map<string, Set<AssociationKind>>>>();

  const kindsOf = (from: AssociationEnd, to: AssociationEnd) => edges.get(key(from))?.get(to.type)?.get(to.id);
  function link(from: AssociationEnd, to: AssociationEnd, kinds: Set<AssociationKind>): void {
    let byType = edges.get(key(from));
    if (!byType) {
      byType = new Map();
      edges.set(key(from), byType);
    }
    let ids = byType.get(to.type);
    if (!ids) {
      ids = new Map();
      byType.set(to.type, ids);
    }
    ids.set(to.id, kinds);
  }
  function unlink(from: AssociationEnd, to: AssociationEnd): void {
    edges.get(key(from))?.get(to.type)?.delete(to.id);
  }

  function report(from: AssociationEnd, to: AssociationEnd, removed: boolean, primary: boolean, s: WriteSource) {
    const occurredAt = now();
    for (const [a, b] of [
      [from, to],
      [to, from],
    ] as const) {
      emit({
        objectType: a.type,
        objectId: a.id,
        kind: 'associationChange',
        changeSource: s.sourceType,
        ...(s.sourceId ? { sourceId: s.sourceId } : {}),
        fromObjectId: a.id,
        toObjectId: b.id,
        toObjectType: b.type,
        associationTypeId: associationTypeId(a.type, b.type, 'unlabeled') ?? 0,
        associationRemoved: removed,
        isPrimaryAssociation: primary,
        occurredAt,
      });
    }
  }

  /** The record of the pair that is not the company, when the pair can carry a primary company. */
  function nonCompanyEnd(a: AssociationEnd, b: AssociationEnd): AssociationEnd | null {
    if (associationTypeId(a.type, b.type, 'primary') === null) return null;
    return a.type === 'companies' ? b : a;
  }

  function associate(from: AssociationEnd, to: AssociationEnd, wanted: readonly AssociationKind[], s: WriteSource) {
    const existing = kindsOf(from, to);
    const kinds = new Set<AssociationKind>(existing ?? []);
    kinds.add('unlabeled');
    for (const kind of wanted) kinds.add(kind);
    const record = nonCompanyEnd(from, to);
    if (record !== null) {
      const companies = edges.get(key(record))?.get('companies') ?? new Map<string, Set<AssociationKind>>();
      const hasPrimary = [...companies.values()].some((k) => k.has('primary'));
      if (!hasPrimary) kinds.add('primary');
      if (wanted.includes('primary')) {
        // One primary company per record: the new one replaces the old.
        for (const other of companies.values()) other.delete('primary');
      }
    }
    link(from, to, kinds);
    link(to, from, kinds);
    if (existing === undefined) report(from, to, false, kinds.has('primary'), s);
  }

  function dissociate(from: AssociationEnd, to: AssociationEnd, s: WriteSource): boolean {
    const existing = kindsOf(from, to);
    if (existing === undefined) return false;
    unlink(from, to);
    unlink(to, from);
    report(from, to, true, existing.has('primary'), s);
    return true;
  }

  function idsFrom(from: AssociationEnd, toType: ObjectType): string[] {
    return [...(edges.get(key(from))?.get(toType)?.keys() ?? [])].sort(compareIds);
  }

  function moveAll(merged: AssociationEnd, primary: AssociationEnd): void {
    for (const [type, ids] of edges.get(key(merged)) ?? []) {
      for (const [id, kinds] of [...ids]) {
        const other = { type, id };
        unlink(merged, other);
        unlink(other, merged);
        if (type === primary.type && id === primary.id) continue;
        const kept = kindsOf(primary, other) ?? new Set<AssociationKind>();
        for (const kind of kinds) if (kind !== 'primary' || kept.size === 0) kept.add(kind);
        link(primary, other, kept);
        link(other, primary, kept);
      }
    }
  }

  return {
    associate,
    dissociate,
    idsFrom,
    kinds: (from, to) => [...(kindsOf(from, to) ?? [])],
    moveAll,
  };
}
