import { dayCardSchema } from "@fitcoach/contract";
import type { ApiClient } from "@fitcoach/client";

import { addDays, todayOnDevice } from "../../platform/local-date";
import { pruneCachedResources, writeCachedResource } from "../../storage/cached-resources";
import type { SqlDatabase } from "../../storage/sql-database";
import { dayPath } from "../today/day-writes";

/** Days before today whose cards are kept for offline use. */
export const RECENT_DAYS = 7;
/** Cards of days visited longer ago than this are dropped from the device. */
export const DAY_CACHE_RETENTION_MS = 30 * 24 * 3_600_000;

/**
 * Downloads the cards of today and the RECENT_DAYS before it, so they open offline, and drops
 * cards not refreshed for DAY_CACHE_RETENTION_MS. Writes still queued stay visible, because screens
 * lay them over the cached card.
 */
export async function cacheRecentDays(
  database: SqlDatabase,
  api: ApiClient,
  now: Date = new Date(),
): Promise<void> {
  const today = todayOnDevice(now);
  for (let offset = 0; offset <= RECENT_DAYS; offset += 1) {
    const path = dayPath(addDays(today, -offset));
    const response = await api.send({ path, schema: dayCardSchema });
    await writeCachedResource(database, path, response.data, response.headers.get("etag"), now);
  }
  await pruneCachedResources(database, "/days/", new Date(now.getTime() - DAY_CACHE_RETENTION_MS));
}
