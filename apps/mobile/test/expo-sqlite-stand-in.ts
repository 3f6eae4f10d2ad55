import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import initSqlJs from "sql.js";
import type { Database, SqlJsStatic, SqlValue } from "sql.js";

// Tests run in Node, where expo-sqlite's native module does not exist. This stand-in implements
// the part of its API the app uses on SQLite compiled to WebAssembly (sql.js), and writes the
// database file after every committed change, so a test can drop an app instance at any await
// and open the file again as a restarted app would.

let sqlJs: Promise<SqlJsStatic> | null = null;
let defaultDirectory = path.join(tmpdir(), `fitcoach-sqlite-${process.pid}`);

/** Sets the folder new databases are stored in, so each test file gets its own. */
export function setDatabaseDirectory(directory: string): void {
  defaultDirectory = directory;
}

export interface SQLiteRunResult {
  changes: number;
  lastInsertRowId: number;
}

export interface SQLiteDatabase {
  databasePath: string;
  execAsync(source: string): Promise<void>;
  runAsync(source: string, params?: SqlValue[]): Promise<SQLiteRunResult>;
  getAllAsync<Row>(source: string, params?: SqlValue[]): Promise<Row[]>;
  closeAsync(): Promise<void>;
}

export async function openDatabaseAsync(
  databaseName: string,
  _options?: unknown,
  directory: string = defaultDirectory,
): Promise<SQLiteDatabase> {
  sqlJs ??= initSqlJs();
  const SQL = await sqlJs;
  mkdirSync(directory, { recursive: true });
  const databasePath = path.join(directory, databaseName);
  const database: Database = existsSync(databasePath)
    ? new SQL.Database(readFileSync(databasePath))
    : new SQL.Database();
  let isInTransaction = false;
  let isClosed = false;

  function persist(): void {
    if (!isInTransaction && !isClosed) writeFileSync(databasePath, database.export());
  }

  function trackTransaction(source: string): void {
    const statement = source.trim().toUpperCase();
    if (statement.startsWith("BEGIN") && !/COMMIT;?$/.test(statement)) isInTransaction = true;
    if (/^(COMMIT|ROLLBACK|END)\b/.test(statement)) isInTransaction = false;
  }

  function assertOpen(): void {
    if (isClosed) throw new Error(`The database ${databaseName} is closed.`);
  }

  return {
    databasePath,
    async execAsync(source) {
      assertOpen();
      database.exec(source);
      trackTransaction(source);
      persist();
    },
    async runAsync(source, params = []) {
      assertOpen();
      database.run(source, params);
      const changes = database.getRowsModified();
      const rowId = database.exec("SELECT last_insert_rowid()")[0]?.values[0]?.[0];
      persist();
      return { changes, lastInsertRowId: Number(rowId ?? 0) };
    },
    async getAllAsync<Row>(source: string, params: SqlValue[] = []) {
      assertOpen();
      const statement = database.prepare(source, params);
      const rows: Row[] = [];
      try {
        while (statement.step()) rows.push(statement.getAsObject() as Row);
      } finally {
        statement.free();
      }
      return rows;
    },
    async closeAsync() {
      if (isClosed) return;
      persist();
      isClosed = true;
      database.close();
    },
  };
}

export async function deleteDatabaseAsync(
  databaseName: string,
  directory: string = defaultDirectory,
): Promise<void> {
  rmSync(path.join(directory, databaseName), { force: true });
}
