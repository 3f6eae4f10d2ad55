import { cpSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";

import { migrationsFolder, openDatabase } from "../src/platform/database";
import { databaseUrlFor, withAdminClient } from "./helpers/database";

describe("migrations", () => {
  const name = `fitcoach_migration_${Date.now().toString(36)}`;
  const folder = mkdtempSync(path.join(tmpdir(), "fitcoach-migrations-"));

  afterAll(async () => {
    await withAdminClient((client) =>
      client.query(`drop database if exists "${name}" with (force)`),
    );
    rmSync(folder, { recursive: true, force: true });
    delete process.env.FITCOACH_MIGRATIONS_DIR;
  });

  it("leaves the database unchanged when one fails", async () => {
    await withAdminClient((client) => client.query(`create database "${name}"`));
    cpSync(migrationsFolder(), folder, { recursive: true });
    const journalPath = path.join(folder, "meta", "_journal.json");
    const journal = JSON.parse(readFileSync(journalPath, "utf8")) as {
      entries: { idx: number; when: number; tag: string; breakpoints: boolean; version: string }[];
    };
    const last = journal.entries.at(-1)!;
    journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1, tag: "9999_broken" });
    writeFileSync(journalPath, JSON.stringify(journal));
    writeFileSync(
      path.join(folder, "9999_broken.sql"),
      "CREATE TABLE half_done (id int);\n--> statement-breakpoint\nSELECT no_such_function();",
    );
    process.env.FITCOACH_MIGRATIONS_DIR = folder;

    const database = await openDatabase({
      databaseUrl: databaseUrlFor(name),
      dataDir: folder,
      poolSize: 2,
      logger: pino({ level: "silent" }),
    });
    await expect(database.migrate()).rejects.toThrow();
    await database.close();

    const client = new pg.Client({ connectionString: databaseUrlFor(name) });
    await client.connect();
    const tables = await client.query(
      "select table_name from information_schema.tables where table_schema = 'public'",
    );
    await client.end();
    expect(tables.rows).toEqual([]);
  });
});
