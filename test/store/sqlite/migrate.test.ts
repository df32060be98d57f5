import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/store/sqlite/migrate.ts';

const tables = (db: DatabaseSync) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map(
    (row) => row.name,
  );

describe('migrate', () => {
  it('applies the missing migrations in order and records them, once', () => {
    const db = new DatabaseSync(':memory:');
    expect(migrate(db, ['CREATE TABLE a (x)'], 1)).toEqual([1]);
    expect(migrate(db, ['CREATE TABLE a (x)', 'CREATE TABLE b (y)', 'ALTER TABLE b ADD COLUMN z'], 2)).toEqual([2, 3]);
    expect(migrate(db, ['CREATE TABLE a (x)', 'CREATE TABLE b (y)', 'ALTER TABLE b ADD COLUMN z'], 3)).toEqual([]);
    expect(tables(db)).toEqual(['a', 'b', 'schema_migrations']);
    expect(db.prepare('SELECT version, applied_at FROM schema_migrations ORDER BY version').all()).toEqual([
      { version: 1, applied_at: 1 },
      { version: 2, applied_at: 2 },
      { version: 3, applied_at: 2 },
    ]);
  });

  it('changes nothing when one migration fails, and names it', () => {
    const db = new DatabaseSync(':memory:');
    expect(() => migrate(db, ['CREATE TABLE a (x)', 'CREATE TABLE broken ('], 1)).toThrow(
      /^schema migration 2 failed, nothing was changed: /,
    );
    expect(tables(db)).toEqual(['schema_migrations']);
    expect(db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get()).toEqual({ n: 0 });
    expect(db.isTransaction).toBe(false);
  });

  it('refuses a schema newer than the migrations it knows', () => {
    const db = new DatabaseSync(':memory:');
    migrate(db, ['CREATE TABLE a (x)', 'CREATE TABLE b (y)'], 1);
    expect(() => migrate(db, ['CREATE TABLE a (x)'], 2)).toThrow(
      /schema is at version 2, newer than this build knows \(1\): run a newer version of the app/,
    );
  });
});
