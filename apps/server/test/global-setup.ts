import pg from "pg";
import pino from "pino";

import { openDatabase } from "../src/platform/database";
import { prepareDatabase } from "../src/database-setup";
import {
  databaseUrlFor,
  templateDatabaseName,
  templatePrefix,
  withAdminClient,
} from "./helpers/database";

const TEMPLATE_LOCK_ID = 4_711_2027;

/**
 * Builds the template database once per change of migrations or catalogs: migrated and seeded, so
 * each test file copies it in a fraction of a second instead of loading the catalogs again.
 */
export default async function setup(): Promise<void> {
  const template = templateDatabaseName();
  await withAdminClient(async (client) => {
    await client.query("select pg_advisory_lock($1)", [TEMPLATE_LOCK_ID]);
    try {
      const existing = await client.query("select 1 from pg_database where datname = $1", [
        template,
      ]);
      if (existing.rowCount) return;

      const building = `${template}_building`;
      await client.query(`drop database if exists "${building}" with (force)`);
      await client.query(`create database "${building}"`);
      await migrateAndSeed(databaseUrlFor(building));
      await client.query(`alter database "${building}" rename to "${template}"`);
      await dropStaleDatabases(client, template);
    } finally {
      await client.query("select pg_advisory_unlock($1)", [TEMPLATE_LOCK_ID]);
    }
  });
}

async function migrateAndSeed(url: string): Promise<void> {
  const logger = pino({ level: "warn" });
  const database = await openDatabase({ databaseUrl: url, dataDir: "/tmp", poolSize: 2, logger });
  try {
    await database.migrate();
    await prepareDatabase({ database, logger });
  } finally {
    await database.close();
  }
}

// Templates of this checkout's older migration sets and catalogs.
async function dropStaleDatabases(client: pg.Client, keep: string): Promise<void> {
  const result = await client.query<{ datname: string }>(
    "select datname from pg_database where starts_with(datname, $1) and datname <> $2",
    [templatePrefix(), keep],
  );
  for (const row of result.rows) {
    await client.query(`drop database if exists "${row.datname}" with (force)`);
  }
}
