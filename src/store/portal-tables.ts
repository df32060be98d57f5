/**
 * Every table holding a portal's data besides installations, children before parents (score_history before
 * accounts): what an uninstall deletes, in both stores. Each store's tests check that every table with a portal_id
 * column is listed.
 */
export const PORTAL_TABLES = [
  'inbox',
  'dead_letters',
  'score_history',
  'accounts',
  'tasks',
  'oauth_states',
  'backfill_progress',
  'journal_offsets',
  'tenant_settings',
  'snoozes',
] as const;
