/**
 * The PostgreSQL schema, as an ordered list: migration N is `MIGRATIONS[N - 1]`. Append only, never edit one that
 * shipped; migrate.ts applies the missing ones under an advisory lock. The same tables as the SQLite store
 * (../sqlite/migrations.ts): instants are epoch milliseconds in BIGINT, documents JSONB, portal ids BIGINT.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE store_meta (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );

  CREATE TABLE installations (
    portal_id BIGINT PRIMARY KEY,
    access_token TEXT NOT NULL,   -- TokenCipher: v1:<iv>:<tag>:<ciphertext>
    refresh_token TEXT NOT NULL,  -- TokenCipher
    expires_at BIGINT NOT NULL,
    scopes JSONB NOT NULL,
    hub_domain TEXT,
    installed_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
  );

  CREATE TABLE oauth_states (
    state TEXT PRIMARY KEY,
    expires_at BIGINT NOT NULL,
    return_to TEXT,
    portal_id BIGINT
  );
  CREATE INDEX oauth_states_portal ON oauth_states (portal_id);
  CREATE INDEX oauth_states_expiry ON oauth_states (expires_at);

  CREATE TABLE inbox (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    portal_id BIGINT NOT NULL,
    subscription_type TEXT NOT NULL,
    object_id TEXT NOT NULL,
    property_name TEXT NOT NULL,  -- '' when the event has none, so the unique key compares it
    occurred_at BIGINT NOT NULL,
    received_at BIGINT NOT NULL,
    payload JSONB NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    not_before BIGINT NOT NULL,
    lease_owner TEXT,
    lease_until BIGINT,
    acked_at BIGINT,
    UNIQUE (portal_id, subscription_type, object_id, property_name, occurred_at)
  );
  CREATE INDEX inbox_pending ON inbox (occurred_at, id) WHERE acked_at IS NULL;
  CREATE INDEX inbox_acked ON inbox (acked_at) WHERE acked_at IS NOT NULL;

  CREATE TABLE dead_letters (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    portal_id BIGINT NOT NULL,
    subscription_type TEXT NOT NULL,
    object_id TEXT NOT NULL,
    property_name TEXT NOT NULL,
    occurred_at BIGINT NOT NULL,
    received_at BIGINT NOT NULL,
    payload JSONB NOT NULL,
    attempts INTEGER NOT NULL,
    last_error TEXT,
    reason TEXT NOT NULL,
    failed_at BIGINT NOT NULL
  );
  CREATE INDEX dead_letters_portal ON dead_letters (portal_id, id);

  CREATE TABLE accounts (
    portal_id BIGINT NOT NULL,
    company_id TEXT NOT NULL,
    assessment JSONB,
    written_properties JSONB,
    memory JSONB,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (portal_id, company_id)
  );

  CREATE TABLE score_history (
    portal_id BIGINT NOT NULL,
    company_id TEXT NOT NULL,
    at BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (portal_id, company_id, at),
    FOREIGN KEY (portal_id, company_id) REFERENCES accounts (portal_id, company_id) ON DELETE CASCADE
  );

  CREATE TABLE tasks (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    portal_id BIGINT NOT NULL,
    company_id TEXT NOT NULL,
    signal_id TEXT NOT NULL,
    dedupe_key TEXT NOT NULL,
    hubspot_task_id TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    closed_at BIGINT
  );
  -- One open task per company and signal (DESIGN §4): the database refuses a second, however many processes race.
  CREATE UNIQUE INDEX tasks_one_open ON tasks (portal_id, company_id, signal_id) WHERE closed_at IS NULL;

  CREATE TABLE backfill_progress (
    portal_id BIGINT PRIMARY KEY,
    scored INTEGER NOT NULL,
    total INTEGER NOT NULL,
    started_at BIGINT NOT NULL,
    finished_at BIGINT
  );

  CREATE TABLE journal_offsets (
    portal_id BIGINT PRIMARY KEY,
    offset_value TEXT NOT NULL,
    updated_at BIGINT NOT NULL
  );
  `,
  // 2: the settings page's document per portal, and the card's "not a risk" snoozes (each one a false alarm).
  `
  CREATE TABLE tenant_settings (
    portal_id BIGINT PRIMARY KEY,
    settings JSONB NOT NULL,
    saved_at BIGINT NOT NULL
  );

  CREATE TABLE snoozes (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    portal_id BIGINT NOT NULL,
    company_id TEXT NOT NULL,
    signal_id TEXT NOT NULL,
    until_at BIGINT NOT NULL,
    snoozed_by TEXT,
    snoozed_at BIGINT NOT NULL
  );
  CREATE INDEX snoozes_company ON snoozes (portal_id, company_id, until_at);
  `,
  // 3: the per-portal HubSpot rate limit and a 429's pause, shared by every process on this database (rate-slots.ts).
  `
  CREATE TABLE rate_slots (
    portal_id BIGINT NOT NULL,
    bucket TEXT NOT NULL,
    granted_at BIGINT NOT NULL
  );
  CREATE INDEX rate_slots_window ON rate_slots (portal_id, bucket, granted_at);

  CREATE TABLE rate_pauses (
    portal_id BIGINT PRIMARY KEY,
    until_at BIGINT NOT NULL
  );

  -- The rest of a pause, or one grant, or the ms to wait for one, atomically: a transaction-scoped advisory lock per
  -- portal and bucket makes concurrent callers take turns; the database's clock is the one every process agrees on.
  CREATE FUNCTION take_rate_slot(p_portal BIGINT, p_bucket TEXT, p_requests INTEGER, p_window BIGINT)
  RETURNS BIGINT LANGUAGE plpgsql AS $$
  DECLARE
    now_ms BIGINT := (extract(epoch FROM clock_timestamp()) * 1000)::BIGINT;
    paused BIGINT;
    nth BIGINT;
  BEGIN
    SELECT until_at INTO paused FROM rate_pauses WHERE portal_id = p_portal;
    IF paused IS NOT NULL AND paused > now_ms THEN
      RETURN paused - now_ms;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtextextended('rate_slots:' || p_portal || ':' || p_bucket, 0));
    DELETE FROM rate_slots WHERE portal_id = p_portal AND bucket = p_bucket AND granted_at <= now_ms - p_window;
    SELECT granted_at INTO nth FROM rate_slots WHERE portal_id = p_portal AND bucket = p_bucket
      ORDER BY granted_at DESC OFFSET p_requests - 1 LIMIT 1;
    IF nth IS NOT NULL THEN
      RETURN GREATEST(1, nth + p_window - now_ms);
    END IF;
    INSERT INTO rate_slots (portal_id, bucket, granted_at) VALUES (p_portal, p_bucket, now_ms);
    RETURN 0;
  END
  $$;
  `,
];
