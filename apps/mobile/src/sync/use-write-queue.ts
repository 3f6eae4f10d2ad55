import { useEffect, useState } from "react";

import { useRuntime } from "../session/session-provider";
import type { SyncResult } from "./sync-engine";
import { listWrites } from "./write-queue";
import type { QueuedWrite } from "./write-queue";

export interface WriteQueueState {
  writes: QueuedWrite[];
  /** Outcome of the last sync run, or null before the first one finished. */
  lastSync: SyncResult | null;
}

/** Follows the write queue and the sync runs, for status banners and the pending list. */
export function useWriteQueue(): WriteQueueState {
  const runtime = useRuntime();
  const [writes, setWrites] = useState<QueuedWrite[]>([]);
  const [lastSync, setLastSync] = useState<SyncResult | null>(runtime.scheduler.lastResult());

  useEffect(() => {
    let isCurrent = true;
    function reload(): void {
      void listWrites(runtime.database).then((next) => {
        if (isCurrent) setWrites(next);
      });
    }

    reload();
    const stopQueue = runtime.onLocalDataChange(reload);
    const stopSync = runtime.scheduler.onResult((result) => {
      setLastSync(result);
      reload();
    });
    return () => {
      isCurrent = false;
      stopQueue();
      stopSync();
    };
  }, [runtime]);

  return { writes, lastSync };
}
