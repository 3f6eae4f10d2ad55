import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** Runs SQL and returns psql's unaligned, tuples-only output. */
export type QueryRunner = (sql: string) => Promise<string>;

const LIST_TABLES = `
  SELECT format('%I.%I', table_schema, table_name) FROM information_schema.tables
  WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
  ORDER BY 1;`;

/**
 * Returns "rows md5" for every table, where md5 covers the text of every row in a fixed order, so
 * two fingerprints are equal only when every row of every table is the same.
 */
export async function databaseFingerprint(query: QueryRunner): Promise<Record<string, string>> {
  const tables = (await query(LIST_TABLES)).split("\n").filter(Boolean);
  if (tables.length === 0) return {};

  const selects = tables.map(
    (table) =>
      `SELECT '${table}', count(*) || ' ' || md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) FROM ${table} t`,
  );
  const output = await query(`${selects.join("\nUNION ALL\n")};`);

  const fingerprint: Record<string, string> = {};
  for (const line of output.split("\n").filter(Boolean)) {
    const [table, value] = line.split("|");
    if (table && value) fingerprint[table] = value;
  }
  return fingerprint;
}

/** Returns the row count of each table, from a fingerprint. */
export function rowCounts(fingerprint: Record<string, string>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(fingerprint).map(([table, value]) => [table, Number(value.split(" ")[0])]),
  );
}

/** Returns the SHA-256 of every file below a folder, keyed by path relative to it. */
export function hashFiles(folder: string): Record<string, string> {
  const hashes: Record<string, string> = {};
  function visit(current: string): void {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const fullPath = path.join(current, entry.name);
      if (entry.isDirectory()) visit(fullPath);
      else hashes[path.relative(folder, fullPath)] = sha256(readFileSync(fullPath));
    }
  }
  visit(folder);
  return hashes;
}

export function sha256(data: Buffer | string): string {
  return createHash("sha256").update(data).digest("hex");
}
