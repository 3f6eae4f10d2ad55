import { useCallback, useEffect, useState } from "react";
import type { ResponseSchema } from "@fitcoach/client";

import { useRuntime } from "../session/session-provider";
import { readCachedResource, writeCachedResource } from "../storage/cached-resources";
import { listWrites } from "./write-queue";
import type { QueuedWrite } from "./write-queue";

export interface ServerResource<T> {
  /** The cached copy with queued edits applied, or null before anything was loaded. */
  data: T | null;
  /** The server's ETag of the cached copy, for If-Match on the next edit. */
  etag: string | null;
  isRefreshing: boolean;
  /** The last refresh failure; cached data stays usable meanwhile. */
  error: unknown;
  refresh(): Promise<void>;
}

/**
 * Reads a record offline first: the cached copy at once, then the server's copy when it can be
 * reached. Edits still in the queue are laid over the cached copy, so the screen shows what the
 * user changed even before the server has it.
 */
export function useServerResource<T>(
  path: string,
  schema: ResponseSchema<T>,
  overlay: PendingOverlay<T> = overlayPendingPatches,
): ServerResource<T> {
  const runtime = useRuntime();
  const [data, setData] = useState<T | null>(null);
  const [etag, setEtag] = useState<string | null>(null);
  const [isRefreshing, setRefreshing] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const readLocal = useCallback(async (): Promise<void> => {
    const cached = await readCachedResource<T>(runtime.database, path);
    const writes = await listWrites(runtime.database);
    setData(cached ? overlay(cached.body, path, writes) : null);
    setEtag(cached?.etag ?? null);
  }, [runtime, path, overlay]);

  const refresh = useCallback(async (): Promise<void> => {
    setRefreshing(true);
    try {
      const response = await runtime.api.send({ path, schema });
      await writeCachedResource(
        runtime.database,
        path,
        response.data,
        response.headers.get("etag"),
      );
      setError(null);
    } catch (caught) {
      setError(caught);
    } finally {
      setRefreshing(false);
    }
    await readLocal();
  }, [runtime, path, schema, readLocal]);

  useEffect(() => {
    void readLocal().then(refresh);
    const stopQueue = runtime.onLocalDataChange(() => void readLocal());
    // Sent writes may change this record in ways only the server computes, such as a new version.
    const stopSync = runtime.scheduler.onResult((result) => {
      if (result.sent > 0) void refresh();
    });
    return () => {
      stopQueue();
      stopSync();
    };
  }, [runtime, readLocal, refresh]);

  return { data, etag, isRefreshing, error, refresh };
}

/** Lays queued writes over a cached record for display. */
export type PendingOverlay<T> = (value: T, path: string, writes: readonly QueuedWrite[]) => T;

/** Applies queued PATCH bodies for `path` over its cached copy, oldest first. */
export function overlayPendingPatches<T>(
  value: T,
  path: string,
  writes: readonly QueuedWrite[],
): T {
  let result = value;
  for (const write of writes) {
    const isPendingEdit = write.method === "PATCH" && write.status !== "rejected";
    if (!isPendingEdit || write.path !== path) continue;
    if (typeof write.body === "object" && write.body !== null) {
      result = { ...result, ...(write.body as Partial<T>) };
    }
  }
  return result;
}
