/**
 * The schema, as an ordered list: migration N is `MIGRATIONS[N - 1]`. Append only, never edit one that shipped;
 * migrate.ts applies the missing ones and records them in schema_migrations. Instants are epoch milliseconds,
 * documents are JSON text, portal ids integers.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE store_meta (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );

  CREATE TABLE installations (
    portal_id INTEGER PRIMARY KEY,
    access_token TEXT NOT NULL,   -- TokenCipher: v1:<iv>:<tag>:<ciphertext>
    refresh_token TEXT NOT NULL,  -- TokenCipher
    expires_at INTEGER NOT NULL,
    scopes TEXT NOT NULL,         -- JSON array
    hub_domain TEXT,
    installed_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );

  CREATE TABLE oauth_states (
    state TEXT PRIMARY KEY,
    expires_at INTEGER NOT NULL,
    return_to TEXT,
    portal_id INTEGER
  );
  CREATE INDEX oauth_states_portal ON oauth_states (portal_id);

  CREATE TABLE inbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    portal_id INTEGER NOT NULL,
    subscription_type TEXT NOT NULL,
    object_id TEXT NOT NULL,
    property_name TEXT NOT NULL,  -- '' when the event has none, so the unique key compares it
    occurred_at INTEGER NOT NULL,
    received_at INTEGER NOT NULL,
    payload TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    not_before INTEGER NOT NULL,
    lease_owner TEXT,
    lease_until INTEGER,
    acked_at INTEGER,
    UNIQUE (portal_id, subscription_type, object_id, property_name, occurred_at)
  );
  CREATE INDEX inbox_pending ON inbox (occurred_at, id) WHERE acked_at IS NULL;
  CREATE INDEX inbox_acked ON inbox (acked_at) WHERE acked_at IS NOT NULL;

  CREATE TABLE dead_letters (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    portal_id INTEGER NOT NULL,
    subscription_type TEXT NOT NULL,
    object_id TEXT NOT NULL,
    property_name TEXT NOT NULL,
    occurred_at INTEGER NOT NULL,
    received_at INTEGER NOT NULL,
    payload TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    last_error TEXT,
    reason TEXT NOT NULL,
    failed_at INTEGER NOT NULL
  );
  CREATE INDEX dead_letters_portal ON dead_letters (portal_id, id);

  CREATE TABLE accounts (
    portal_id INTEGER NOT NULL,
    company_id TEXT NOT NULL,
    assessment TEXT,             -- JSON
    written_properties TEXT,     -- JSON
    memory TEXT,                 -- JSON
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (portal_id, company_id)
  );

  CREATE TABLE score_history (
    portal_id INTEGER NOT NULL,
    company_id TEXT NOT NULL,
    at INTEGER NOT NULL,
    score REAL NOT NULL,
    PRIMARY KEY (portal_id, company_id, at),
    FOREIGN KEY (portal_id, company_id) REFERENCES accounts (portal_id, company_id) ON DELETE CASCADE
  );

  CREATE TABLE tasks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    portal_id INTEGER NOT NULL,
    company_id TEXT NOT NULL,
    signal_id TEXT NOT NULL,
    dedupe_key TEXT NOT NULL,
    hubspot_task_id TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    closed_at INTEGER
  );
  -- One open task per company and signal (DESIGN §4): the database refuses a second, however writers race.
  CREATE UNIQUE INDEX tasks_one_open ON tasks (portal_id, company_id, signal_id) WHERE closed_at IS NULL;

  CREATE TABLE backfill_progress (
    portal_id INTEGER PRIMARY KEY,
    scored INTEGER NOT NULL,
    total INTEGER NOT NULL,
    started_at INTEGER NOT NULL,
    finished_at INTEGER
  );

  CREATE TABLE journal_offsets (
    portal_id INTEGER PRIMARY KEY,
    offset_value TEXT NOT NULL,
    updated_at INTEGER NOT NULL
  );
  `,
  // 2: the settings page's document per portal, and the card's "not a risk" snoozes (each one a false alarm).
  `
  CREATE TABLE tenant_settings (
    portal_id INTEGER PRIMARY KEY,
    settings TEXT NOT NULL,      -- JSON, as the admin saved it
    saved_at INTEGER NOT NULL
  );

  CREATE TABLE snoozes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    portal_id INTEGER NOT NULL,
    company_id TEXT NOT NULL,
    signal_id TEXT NOT NULL,
    until_at INTEGER NOT NULL,
    snoozed_by TEXT,
    snoozed_at INTEGER NOT NULL
  );
  CREATE INDEX snoozes_company ON snoozes (portal_id, company_id, until_at);
  `,
];
