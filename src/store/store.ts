import type { Assessment } from '../core/assessment.ts';
import type { BuyingRole } from '../core/snapshot.ts';
import type { Instant } from '../core/time.ts';

/**
 * The store: everything the server keeps between requests (DESIGN §5). Embedded SQLite by default
 * (sqlite/open-sqlite-store.ts); PostgreSQL later, held to the same behaviour by test/store/store-contract.ts.
 * Every method is async and every instant is epoch milliseconds, so either database can sit behind it.
 */
export interface Store
  extends InstallationStore,
    OAuthStateStore,
    InboxStore,
    DeadLetterStore,
    AccountStore,
    TaskLedger,
    PortalProgressStore,
    TenantSettingsStore,
    SnoozeStore {
  /**
   * Present when several server processes share the store (PostgreSQL): the per-portal HubSpot rate limit counted
   * once for all of them. Absent for SQLite, whose single process counts in memory.
   */
  sharedRateSlots?: RateSlotLedger;
  close(): Promise<void>;
}

// ---- HubSpot rate limit ---------------------------------------------------------------------------------------------

export interface RateLimit {
  requests: number;
  windowMs: number;
}

/** The two windows HubSpot keeps per portal: every limited call, and CRM searches. */
export type RateBucket = 'general' | 'search';

/**
 * Counts a portal's grants in a sliding window. `take` grants a slot when fewer than `limit.requests` were granted
 * in the last `limit.windowMs` and answers 0; otherwise it grants nothing and answers the milliseconds until the
 * oldest grant in the window leaves it.
 */
export interface RateSlotLedger {
  take(portalId: PortalId, bucket: RateBucket, limit: RateLimit): Promise<number>;
  /**
   * Holds every take of the portal for `delayMs` from now (a 429's Retry-After), for every process sharing the
   * ledger; a shorter pause never cuts a longer one.
   */
  pause?(portalId: PortalId, delayMs: number): Promise<void>;
}

/** HubSpot's id of an installing account (the `portalId` of webhooks, the `hub_id` of OAuth). */
export type PortalId = number;

// ---- installations ------------------------------------------------------------------------------------------

export interface Installation {
  portalId: PortalId;
  accessToken: string;
  refreshToken: string;
  /** When the access token stops working (now + `expires_in`). */
  expiresAt: Instant;
  scopes: string[];
  hubDomain: string | null;
  installedAt: Instant;
}

export type NewInstallation = Omit<Installation, 'hubDomain'> & { hubDomain?: string | null };

export interface RefreshedTokens {
  accessToken: string;
  refreshToken: string;
  expiresAt: Instant;
}

export interface InstallationStore {
  /** Install or re-install: creates or replaces the portal's installation. Tokens are encrypted at rest. */
  saveInstallation(installation: NewInstallation): Promise<void>;
  /**
   * After a token refresh. False when the portal is not installed (any more): a refresh that races an uninstall
   * must not bring the installation back, which an upsert would.
   */
  updateTokens(portalId: PortalId, tokens: RefreshedTokens): Promise<boolean>;
  /** With the tokens decrypted; null when the portal is not installed. */
  getInstallation(portalId: PortalId): Promise<Installation | null>;
  listPortalIds(): Promise<PortalId[]>;
  /**
   * Uninstall: deletes everything kept for the portal (installation, inbox, account state and score history, task
   * ledger, dead letters, OAuth states, backfill progress, journal offset, tenant settings, snoozes) in one
   * transaction. True when an
   * installation existed.
   */
  purgePortal(portalId: PortalId): Promise<boolean>;
}

// ---- OAuth CSRF states ----------------------------------------------------------------------------------------

export interface NewOAuthState {
  state: string;
  expiresAt: Instant;
  /** Where to send the user after the callback. */
  returnTo?: string | null;
  /** Set when re-authorising a known portal, so purging it removes the state too. */
  portalId?: PortalId | null;
}

export interface OAuthStateStore {
  createOAuthState(state: NewOAuthState): Promise<void>;
  /** Valid once: the first call before `expiresAt` gets the state's data, every other call false. */
  consumeOAuthState(state: string, now: Instant): Promise<{ returnTo: string | null } | false>;
}

// ---- inbox: webhook events, durable and deduplicated --------------------------------------------------------

export type InboxEventId = number;

export interface NewInboxEvent {
  portalId: PortalId;
  subscriptionType: string;
  /**
   * With the other key parts, what makes an event unique (HubSpot's eventId is not: DESIGN §7). For an event about
   * two objects (an association change), fold both ends in, e.g. `123-456`.
   */
  objectId: string | number;
  propertyName?: string | null;
  occurredAt: Instant;
  /** The event as received; stored as JSON. */
  payload: unknown;
  /** Not claimable before this instant (a debounce); claimable at once when absent. */
  notBefore?: Instant;
}

export interface InboxEvent {
  id: InboxEventId;
  portalId: PortalId;
  subscriptionType: string;
  objectId: string;
  propertyName: string | null;
  occurredAt: Instant;
  receivedAt: Instant;
  payload: unknown;
  /** Failed attempts so far (each `retry` adds one). */
  attempts: number;
  lastError: string | null;
}

export interface EnqueueResult {
  accepted: number;
  /** Already in the inbox (or acknowledged and not yet pruned), or repeated within the batch. */
  duplicates: number;
}

export interface ClaimOptions {
  limit: number;
  leaseMs: number;
  now: Instant;
  workerId: string;
}

export interface InboxStats {
  /** Events not yet acknowledged nor dead-lettered, leased or not. */
  depth: number;
  /** Of those, under a lease that has not ended yet (by the store's clock). */
  leased: number;
  oldestOccurredAt: Instant | null;
  oldestReceivedAt: Instant | null;
}

export interface InboxStore {
  /** One transaction: all the batch is stored or none of it, so answering 200 after it is safe. */
  enqueue(events: readonly NewInboxEvent[]): Promise<EnqueueResult>;
  /**
   * Leases up to `limit` due events (past their `notBefore`, not leased or lease expired), oldest `occurredAt` first.
   * A leased event is invisible to other claims until acknowledged, retried, dead-lettered or the lease ends.
   */
  claim(options: ClaimOptions): Promise<InboxEvent[]>;
  /**
   * Extends the lease of these events to `until`, for those `workerId` still holds (a worker renews what it is still
   * processing, so a lease can be short: a crashed worker's events come back soon, a slow tick keeps its own).
   * Returns how many were extended.
   */
  renewLeases(options: { ids: readonly InboxEventId[]; workerId: string; until: Instant }): Promise<number>;
  /** Done. The event's key stays until `pruneInbox`, so a redelivery of it is still a duplicate. */
  ack(ids: readonly InboxEventId[]): Promise<number>;
  /** Releases the lease, counts an attempt, keeps the error: returns the attempts, null when the event is gone. */
  retry(id: InboxEventId, options: { error: string; notBefore: Instant }): Promise<number | null>;
  /** Moves the event to the dead letters with the reason; false when it is gone (acknowledged or purged). */
  deadLetter(id: InboxEventId, reason: string): Promise<boolean>;
  inboxStats(): Promise<InboxStats>;
  /** Forgets acknowledged events acknowledged before `before` (keep them past HubSpot's 24 h of redelivery). */
  pruneInbox(before: Instant): Promise<number>;
}

// ---- dead letters -----------------------------------------------------------------------------------------------

export interface DeadLetter extends Omit<InboxEvent, 'id'> {
  id: number;
  reason: string;
  failedAt: Instant;
}

export interface DeadLetterStore {
  /** Newest first. */
  listDeadLetters(options?: { portalId?: PortalId; limit?: number }): Promise<DeadLetter[]>;
  countDeadLetters(portalId?: PortalId): Promise<number>;
}

// ---- per-account state ------------------------------------------------------------------------------------------

export interface ScorePoint {
  value: number;
  at: Instant;
}

/** A contact as last seen with the company, so a departed contact can later be named with title and roles. */
export interface KnownContact {
  id: string;
  name: string | null;
  title: string | null;
  roles: BuyingRole[] | null;
  seenAt: Instant;
}

/** What signals need remembered between assessments; stored as an opaque JSON document. */
export interface AccountMemory {
  knownContacts?: KnownContact[];
  [key: string]: unknown;
}

export interface AccountState {
  portalId: PortalId;
  companyId: string;
  assessment: Assessment | null;
  /** The property values last written to the CRM, to write only what changed. */
  writtenProperties: Record<string, string | null> | null;
  memory: AccountMemory | null;
  /** One point per assessment, oldest first, the last SCORE_HISTORY_DAYS (score-retention.ts) only. */
  scoreHistory: ScorePoint[];
  updatedAt: Instant;
}

/** Fields left out are kept as they are; `score` is appended to the history (a point at the same instant replaces it). */
export interface AccountUpdate {
  assessment?: Assessment;
  writtenProperties?: Record<string, string | null>;
  memory?: AccountMemory;
  score?: ScorePoint;
}

export interface AccountStore {
  getAccountState(portalId: PortalId, companyId: string): Promise<AccountState | null>;
  /** One transaction. */
  saveAccountState(portalId: PortalId, companyId: string, update: AccountUpdate): Promise<void>;
  listCompanyIds(portalId: PortalId): Promise<string[]>;
}

// ---- task ledger --------------------------------------------------------------------------------------------------

export interface TaskKey {
  portalId: PortalId;
  companyId: string;
  signalId: string;
}

export interface TaskRecord extends TaskKey {
  dedupeKey: string;
  hubspotTaskId: string;
  createdAt: Instant;
  closedAt: Instant | null;
}

export type NewTaskRecord = Omit<TaskRecord, 'closedAt'>;

/** `recorded: false` = an open task for the key was already there (it is returned): delete the one just created. */
export type RecordTaskResult = { recorded: true; task: TaskRecord } | { recorded: false; task: TaskRecord };

export interface TaskLedger {
  findOpenTask(portalId: PortalId, companyId: string, signalId: string): Promise<TaskRecord | null>;
  listOpenTasks(portalId: PortalId, companyId: string): Promise<TaskRecord[]>;
  /** At most one open task per (portal, company, signal), enforced by the database, however the calls race. */
  recordTask(task: NewTaskRecord): Promise<RecordTaskResult>;
  /** False when no task was open for the key. */
  closeTask(key: TaskKey, closedAt: Instant): Promise<boolean>;
}

// ---- per-portal progress ------------------------------------------------------------------------------------------

export interface BackfillProgress {
  portalId: PortalId;
  scored: number;
  total: number;
  startedAt: Instant;
  finishedAt: Instant | null;
}

export interface PortalProgressStore {
  setBackfillProgress(progress: Omit<BackfillProgress, 'finishedAt'> & { finishedAt?: Instant | null }): Promise<void>;
  /** Every portal's, by portal id. */
  listBackfillProgress(): Promise<BackfillProgress[]>;
  /** Where catching up through the Webhooks Journal resumes; null before the first read. */
  getJournalOffset(portalId: PortalId): Promise<string | null>;
  setJournalOffset(portalId: PortalId, offset: string): Promise<void>;
}

// ---- per-portal tenant settings (the settings page) --------------------------------------------------------------

export interface TenantSettingsStore {
  /** The document the admin saved last (validated by the caller, stored as is); null before the first save. */
  getTenantSettings(portalId: PortalId): Promise<unknown | null>;
  /** Creates or replaces the portal's document. */
  saveTenantSettings(portalId: PortalId, settings: unknown, savedAt: Instant): Promise<void>;
}

// ---- snoozes: "not a risk" on a reason of the card ------------------------------------------------------------

export interface NewSnooze {
  portalId: PortalId;
  companyId: string;
  signalId: string;
  /** The signal stays suppressed for the company until this instant (exclusive). */
  until: Instant;
  /** The HubSpot user who snoozed it, when known. */
  by: string | null;
  at: Instant;
}

export interface ActiveSnooze {
  signalId: string;
  until: Instant;
}

export interface SnoozeStore {
  /** Records a snooze; every one is kept (never replaced), as a false alarm for later accuracy reports. */
  snooze(snooze: NewSnooze): Promise<void>;
  /** The company's signals snoozed past `now`, one per signal (the latest `until`), by signal id. */
  activeSnoozes(portalId: PortalId, companyId: string, now: Instant): Promise<ActiveSnooze[]>;
  /** Every snooze the portal ever recorded, active or not: its false-alarm count. */
  countSnoozes(portalId: PortalId): Promise<number>;
}
