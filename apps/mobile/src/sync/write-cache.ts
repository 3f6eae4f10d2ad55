import { API_PREFIX } from "@fitcoach/client";
import type { ApiResponse } from "@fitcoach/client";

import { writeCachedResource } from "../storage/cached-resources";
import type { SqlExecutor } from "../storage/sql-database";
import type { QueuedWrite, WriteResult } from "./write-queue";

/**
 * Keeps the cached copy of the written record in step with the server's answer: an edit replaces
 * the record at its path, a create stores the new record at its Location, a delete removes it.
 */
export async function applyWriteToCache(
  executor: SqlExecutor,
  write: QueuedWrite,
  response: ApiResponse<unknown>,
): Promise<void> {
  const etag = response.headers.get("etag");

  if (write.method === "DELETE") {
    await executor.run("DELETE FROM cached_resources WHERE path = ?", [write.path]);
    return;
  }
  if (response.data === undefined || response.data === null) return;

  if (write.method === "POST") {
    const createdPath = apiPathOf(response.headers.get("location"));
    if (createdPath) await writeCachedResource(executor, createdPath, response.data, etag);
    return;
  }
  await writeCachedResource(executor, write.path, response.data, etag);
}

/** Reads the id of the record a write created or changed, and its new ETag. */
export function resultOf(response: ApiResponse<unknown>): WriteResult {
  const body = response.data as { id?: unknown } | null | undefined;
  let resourceId = typeof body?.id === "string" ? body.id : null;
  const location = response.headers.get("location");
  if (!resourceId && location) {
    resourceId = decodeURIComponent(location.split("?")[0]!.split("/").pop() ?? "") || null;
  }
  return { status: response.status, resourceId, etag: response.headers.get("etag") };
}

/** Turns a Location header into a path below the API prefix, or null for another place. */
export function apiPathOf(location: string | null): string | null {
  if (!location) return null;
  const path = location.replace(/^https?:\/\/[^/]+/, "");
  return path.startsWith(`${API_PREFIX}/`) ? path.slice(API_PREFIX.length) : null;
}
