import { useEffect } from "react";

import { useRuntime } from "../../session/session-provider";
import { syncExerciseCatalog } from "./exercise-catalog";
import { cacheRecentDays } from "./recent-days";
import { syncCustomFoods } from "./user-foods";

/** Shortest time between two refreshes of the offline copies. */
export const OFFLINE_REFRESH_INTERVAL_MS = 30 * 60_000;

/**
 * Keeps the offline copies fresh: the recent days' cards, the exercise catalog and the user's
 * custom foods. They are refreshed at start and after sync runs that emptied the queue, at most
 * every OFFLINE_REFRESH_INTERVAL_MS. Renders nothing.
 */
export function OfflineCacheKeeper(): null {
  const runtime = useRuntime();

  useEffect(() => {
    let lastRefresh = 0;
    let isRunning = false;
    let isActive = true;

    async function refresh(): Promise<void> {
      if (isRunning || Date.now() - lastRefresh < OFFLINE_REFRESH_INTERVAL_MS) return;
      isRunning = true;
      try {
        await cacheRecentDays(runtime.database, runtime.api);
        await syncExerciseCatalog(runtime.database, runtime.api);
        await syncCustomFoods(runtime.database, runtime.api);
        lastRefresh = Date.now();
        runtime.announceLocalDataChange();
      } catch (error) {
        // Offline or a server error: the old copies stay, and the next idle sync tries again.
        if (isActive) {
          console.warn(
            "refreshing offline data failed",
            error instanceof Error ? error.name : error,
          );
        }
      } finally {
        isRunning = false;
      }
    }

    void refresh();
    const stop = runtime.scheduler.onResult((result) => {
      if (result.state === "idle") void refresh();
    });
    return () => {
      isActive = false;
      stop();
    };
  }, [runtime]);

  return null;
}
