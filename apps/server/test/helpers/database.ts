import { createHash, randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";

import { migrationsFolder } from "../../src/platform/database";

/** Server the tests run against: DATABASE_URL, or the machine's local PostgreSQL. */
export const TEST_DATABASE_URL =
  process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export function databaseUrlFor(name: string): string {
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Start of every template name made from this checkout. It includes a hash of the checkout's
 * path, so several checkouts testing against one server never drop each other's templates.
 */
export function templatePrefix(): string {
  const checkout = path.resolve(migrationsFolder(), "../../..");
  return `fitcoach_tpl_${createHash("sha256").update(checkout).digest("hex").slice(0, 8)}_`;
}

/**
 * Name of the migrated and seeded template database; it changes whenever a migration or seed input
 * changes, so a stale template is never reused.
 */
export function templateDatabaseName(): string {
  const hash = createHash("sha256");
  const folder = migrationsFolder();
  for (const file of readdirSync(folder)
    .filter((name) => name.endsWith(".sql"))
    .sort()) {
    hash.update(file).update(readFileSync(path.join(folder, file)));
  }
  const dataFolder = path.resolve(folder, "../../../data");
  for (const file of readdirSync(dataFolder)
    .filter((name) => name.endsWith(".gz"))
    .sort()) {
    hash.update(file).update(readFileSync(path.join(dataFolder, file)));
  }
  hash.update(process.env.FITCOACH_SEED_VERSION ?? "1");
  return `${templatePrefix()}${hash.digest("hex").slice(0, 12)}`;
}

export async function withAdminClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates a fresh database from the template; returns its URL and a function that drops it. */
export async function createTestDatabase(): Promise<{
  url: string;
  name: string;
  drop(): Promise<void>;
}> {
  const name = `fitcoach_test_${randomBytes(6).toString("hex")}`;
  const template = templateDatabaseName();
  await withAdminClient((client) =>
    client.query(`create database "${name}" template "${template}"`),
  );
  return {
    url: databaseUrlFor(name),
    name,
    async drop() {
      await withAdminClient((client) =>
        client.query(`drop database if exists "${name}" with (force)`),
      );
    },
  };
}
