import { openDatabaseAsync } from "expo-sqlite";
import type { SQLiteDatabase } from "expo-sqlite";

import { createSerialQueue } from "./sql-database";
import type { SqlDatabase, SqlExecutor, SqlValue } from "./sql-database";

export const DATABASE_NAME = "fitcoach.db";

/** Opens the app's SQLite database through expo-sqlite. */
export async function openExpoSqliteDatabase(name: string = DATABASE_NAME): Promise<SqlDatabase> {
  const database = await openDatabaseAsync(name);
  await database.execAsync("PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON;");
  return wrapExpoSqliteDatabase(database);
}

/** Adapts an open expo-sqlite database to the app's serialised SqlDatabase interface. */
export function wrapExpoSqliteDatabase(database: SQLiteDatabase): SqlDatabase {
  const serial = createSerialQueue();

  const executor: SqlExecutor = {
    async run(sql, params = []) {
      const result = await database.runAsync(sql, params as SqlValue[]);
      return result.changes;
    },
    all: <Row>(sql: string, params: readonly SqlValue[] = []) =>
      database.getAllAsync<Row>(sql, params as SqlValue[]),
  };

  return {
    run: (sql, params) => serial(() => executor.run(sql, params)),
    all: <Row>(sql: string, params?: readonly SqlValue[]) =>
      serial(() => executor.all<Row>(sql, params)),
    async first<Row>(sql: string, params?: readonly SqlValue[]) {
      const rows = await serial(() => executor.all<Row>(sql, params));
      return rows[0] ?? null;
    },
    execute: (sql) => serial(() => database.execAsync(sql)),
    transaction: <T>(work: (transaction: SqlExecutor) => Promise<T>) =>
      serial(async () => {
        // IMMEDIATE takes the write lock at once, so a second connection cannot slip a write
        // between this transaction's reads and writes.
        await database.execAsync("BEGIN IMMEDIATE");
        try {
          const result = await work(executor);
          await database.execAsync("COMMIT");
          return result;
        } catch (error) {
          await database.execAsync("ROLLBACK");
          throw error;
        }
      }),
    close: () => serial(() => database.closeAsync()),
  };
}
