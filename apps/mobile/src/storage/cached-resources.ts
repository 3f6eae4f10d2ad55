import type { SqlDatabase, SqlExecutor } from "./sql-database";

/** A server response kept on the device, keyed by its API path. */
export interface CachedResource<T> {
  path: string;
  body: T;
  etag: string | null;
  fetchedAt: string;
}

interface CachedRow {
  path: string;
  body: string;
  etag: string | null;
  fetched_at: string;
}

export async function readCachedResource<T>(
  database: SqlExecutor,
  path: string,
): Promise<CachedResource<T> | null> {
  const rows = await database.all<CachedRow>(
    "SELECT path, body, etag, fetched_at FROM cached_resources WHERE path = ?",
    [path],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    path: row.path,
    body: JSON.parse(row.body) as T,
    etag: row.etag,
    fetchedAt: row.fetched_at,
  };
}

export async function writeCachedResource(
  database: SqlExecutor,
  path: string,
  body: unknown,
  etag: string | null,
  fetchedAt: Date = new Date(),
): Promise<void> {
  await database.run(
    "INSERT INTO cached_resources (path, body, etag, fetched_at) VALUES (?, ?, ?, ?) " +
      "ON CONFLICT (path) DO UPDATE SET body = excluded.body, etag = excluded.etag, " +
      "fetched_at = excluded.fetched_at",
    [path, JSON.stringify(body), etag, fetchedAt.toISOString()],
  );
}

/** Deletes cached paths that start with `prefix` and were fetched before `olderThan`. */
export async function pruneCachedResources(
  database: SqlDatabase,
  prefix: string,
  olderThan: Date,
): Promise<number> {
  return database.run(
    "DELETE FROM cached_resources WHERE substr(path, 1, length(?)) = ? AND fetched_at < ?",
    [prefix, prefix, olderThan.toISOString()],
  );
}
