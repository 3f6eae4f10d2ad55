import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePostgres } from "drizzle-orm/node-postgres";
import { migrate as migratePostgres } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import pg from "pg";
import type { Logger } from "pino";

import * as schema from "../schema";

/** Drizzle database over either driver; features write queries against this type only. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

/** A transaction handle, accepted wherever a query may join the caller's transaction. */
export type Executor = Database | Parameters<Parameters<Database["transaction"]>[0]>[0];

export interface DatabaseHandle {
  db: Database;
  kind: "postgres" | "pglite";
  /** Resolves when a trivial query succeeds; rejects with the driver's error otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
  migrate(): Promise<void>;
}

// Any server instance may start the migration; the lock makes the others wait for it to finish.
const MIGRATION_LOCK_ID = 4_711_2026;

/** Folder of the SQL migrations, found from the source tree or from the bundle in dist. */
export function migrationsFolder(): string {
  if (process.env.FITCOACH_MIGRATIONS_DIR) return process.env.FITCOACH_MIGRATIONS_DIR;

  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.resolve(here, "../../drizzle"), path.resolve(here, "../drizzle")];
  const found = candidates.find((candidate) =>
    existsSync(path.join(candidate, "meta", "_journal.json")),
  );
  return found ?? candidates[0]!;
}

export interface OpenDatabaseOptions {
  databaseUrl: string | undefined;
  dataDir: string;
  poolSize: number;
  logger: Logger;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl)
    return openPostgres(options.databaseUrl, options.poolSize, options.logger);
  return openPglite(path.join(options.dataDir, "db"));
}

function openPostgres(url: string, poolSize: number, logger: Logger): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: 30_000,
    application_name: "fitcoach",
  });
  // An idle client whose connection drops emits here; without a listener the process would exit.
  pool.on("error", (error) => logger.warn({ err: error }, "database connection lost"));

  const db = drizzlePostgres({ client: pool, schema }) as unknown as Database;
  return {
    db,
    kind: "postgres",
    async ping() {
      await pool.query("select 1");
    },
    async close() {
      await pool.end();
    },
    async migrate() {
      const client = await pool.connect();
      try {
        await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
        await migratePostgres(drizzlePostgres({ client: pool, schema }), {
          migrationsFolder: migrationsFolder(),
        });
      } finally {
        await client
          .query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_ID])
          .catch(() => undefined);
        client.release();
      }
    },
  };
}

async function openPglite(directory: string): Promise<DatabaseHandle> {
  mkdirSync(directory, { recursive: true });
  const client = await PGlite.create(directory, { extensions: { pg_trgm } });
  const db = drizzlePglite({ client, schema }) as unknown as Database;
  return {
    db,
    kind: "pglite",
    async ping() {
      await client.query("select 1");
    },
    async close() {
      await client.close();
    },
    async migrate() {
      await migratePglite(drizzlePglite({ client, schema }), {
        migrationsFolder: migrationsFolder(),
      });
    },
  };
}

/** Rows of a raw `db.execute` result; both drivers return them under `rows`. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

export { sql };
