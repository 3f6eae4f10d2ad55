import type { SqlDatabase } from "./sql-database";

/**
 * Migrations of the local database, applied in order; `PRAGMA user_version` stores how many ran.
 * Append new steps and never edit a released one, because devices keep their data across updates.
 */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE device_preferences (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  CREATE TABLE pending_writes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    idempotency_key TEXT NOT NULL UNIQUE,
    method TEXT NOT NULL,
    path TEXT NOT NULL,
    body TEXT,
    if_match TEXT,
    kind TEXT NOT NULL,
    entity_key TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    problem TEXT,
    server_version TEXT
  );
  CREATE INDEX pending_writes_entity ON pending_writes (entity_key, id);
  CREATE TABLE write_results (
    idempotency_key TEXT PRIMARY KEY,
    resource_id TEXT,
    etag TEXT,
    status INTEGER NOT NULL,
    completed_at TEXT NOT NULL
  );
  CREATE TABLE cached_resources (
    path TEXT PRIMARY KEY,
    body TEXT NOT NULL,
    etag TEXT,
    fetched_at TEXT NOT NULL
  );
  CREATE TABLE foods (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    body TEXT NOT NULL,
    is_own INTEGER NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX foods_name ON foods (name);
  CREATE TABLE exercises (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    body TEXT NOT NULL
  );
  CREATE INDEX exercises_name ON exercises (name);
  `,
];

/** Tables that hold the signed-in account's data; device preferences are not among them. */
export const ACCOUNT_TABLES = [
  "pending_writes",
  "write_results",
  "cached_resources",
  "foods",
  "exercises",
] as const;

/** Brings the local database up to the newest schema. */
export async function migrateLocalDatabase(database: SqlDatabase): Promise<void> {
  const row = await database.first<{ user_version: number }>("PRAGMA user_version");
  const applied = row?.user_version ?? 0;

  for (let index = applied; index < MIGRATIONS.length; index += 1) {
    await database.execute(
      `BEGIN; ${MIGRATIONS[index]} PRAGMA user_version = ${index + 1}; COMMIT;`,
    );
  }
}

/**
 * Deletes everything the signed-in account left on this device: cached records, foods, the
 * exercise catalog and writes not sent yet. The server address and language stay.
 */
export async function wipeAccountData(database: SqlDatabase): Promise<void> {
  await database.transaction(async (executor) => {
    for (const table of ACCOUNT_TABLES) await executor.run(`DELETE FROM ${table}`);
  });
}
