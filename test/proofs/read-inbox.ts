import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import type { ProofDatabase } from './proof-stack.ts';

/** An inbox row as the store keeps it: its unique key, and whether (when) the worker acknowledged it. */
export interface InboxRow {
  /** `subscriptionType|objectId|propertyName|occurredAt` (inboxKey), '' for no property as the stores keep it. */
  key: string;
  ackedAt: number | null;
}

export interface InboxReader {
  rows(portalId: number): Promise<InboxRow[]>;
  deadLetters(): Promise<number>;
  /** The workers holding a lease on a pending event at `now`. */
  leaseOwners(now: number): Promise<string[]>;
  close(): Promise<void>;
}

interface Row {
  subscription_type: string;
  object_id: string;
  property_name: string;
  occurred_at: number | string;
  acked_at: number | string | null;
}

const ROWS = 'SELECT subscription_type, object_id, property_name, occurred_at, acked_at FROM inbox WHERE portal_id = ';
const DEAD_LETTERS = 'SELECT COUNT(*) AS count FROM dead_letters';
const LEASE_OWNERS = 'SELECT DISTINCT lease_owner FROM inbox WHERE acked_at IS NULL AND lease_until > ';

/**
 * Reads the app's inbox and dead letters straight from its database (both stores have the same tables), read only:
 * what the app holds, rather than what it says about itself on /status.
 */
export async function openInboxReader(database: ProofDatabase): Promise<InboxReader> {
  type Query = <T>(sql: string, parameter?: number) => Promise<T[]>;
  let query: Query;
  let close: () => Promise<void>;
  if (database.kind === 'sqlite') {
    const db = new DatabaseSync(database.url, { readOnly: true });
    query = async <T>(sql: string, parameter?: number) =>
      db.prepare(parameter === undefined ? sql : `${sql}?`).all(...(parameter === undefined ? [] : [parameter])) as T[];
    close = async () => db.close();
  } else {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    query = async <T>(sql: string, parameter?: number) =>
      (await client.query(parameter === undefined ? sql : `${sql}$1`, parameter === undefined ? [] : [parameter]))
        .rows as T[];
    close = () => client.end();
  }
  return {
    async rows(portalId) {
      return (await query<Row>(ROWS, portalId)).map((row) => ({
        key: inboxKey(row.subscription_type, row.object_id, row.property_name, Number(row.occurred_at)),
        ackedAt: row.acked_at === null ? null : Number(row.acked_at),
      }));
    },
    async deadLetters() {
      return Number((await query<{ count: number | string }>(DEAD_LETTERS))[0]?.count);
    },
    async leaseOwners(now) {
      return (await query<{ lease_owner: string }>(LEASE_OWNERS, now)).map((row) => row.lease_owner);
    },
    close,
  };
}

export function inboxKey(subscriptionType: string, objectId: string, propertyName: string, occurredAt: number) {
  return [subscriptionType, objectId, propertyName, occurredAt].join('|');
}
