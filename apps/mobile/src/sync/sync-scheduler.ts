import type { SyncEngine, SyncResult } from "./sync-engine";

/** Longest wait between two tries while the server stays unreachable. */
export const SYNC_BACKOFF_MAX_MS = 5 * 60_000;
const SYNC_BACKOFF_FIRST_MS = 1_000;

/** Reports when the device gains or loses a network connection. */
export interface Connectivity {
  subscribe(listener: (isOnline: boolean) => void): () => void;
}

export interface SyncScheduler {
  /** Starts a sync run now; runs already going absorb the request. */
  request(): void;
  lastResult(): SyncResult | null;
  onResult(listener: (result: SyncResult) => void): () => void;
  dispose(): void;
}

export interface SyncSchedulerOptions {
  connectivity?: Connectivity;
  setTimer?: (callback: () => void, delayMs: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

/** Doubles the wait after each failed run, from one second up to SYNC_BACKOFF_MAX_MS. */
export function backoffDelayMs(failures: number): number {
  const exponent = Math.max(0, failures - 1);
  return Math.min(SYNC_BACKOFF_FIRST_MS * 2 ** exponent, SYNC_BACKOFF_MAX_MS);
}

/**
 * Decides when the sync engine runs: when asked (after a write, at start, in the foreground),
 * when the connection returns, and after a growing wait while the server cannot be reached.
 */
export function createSyncScheduler(
  engine: SyncEngine,
  options: SyncSchedulerOptions = {},
): SyncScheduler {
  const setTimer = options.setTimer ?? ((callback, delayMs) => setTimeout(callback, delayMs));
  const clearTimer =
    options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  const listeners = new Set<(result: SyncResult) => void>();
  let timer: unknown = null;
  let failures = 0;
  let last: SyncResult | null = null;
  let isDisposed = false;
  let isRunning = false;
  let isRequestedAgain = false;

  const unsubscribe = options.connectivity?.subscribe((isOnline) => {
    if (isOnline) request();
  });

  function request(): void {
    if (isDisposed) return;
    cancelTimer();
    if (isRunning) {
      // The running pass may have read the queue before the newest write arrived.
      isRequestedAgain = true;
      return;
    }

    isRunning = true;
    engine
      .sync()
      .then(settle, (error: unknown) => {
        // A failure that is not about the network (a database error, say) is retried like one.
        console.warn("sync run failed", error instanceof Error ? error.name : typeof error);
        failures += 1;
        retryIn(backoffDelayMs(failures));
      })
      .finally(() => {
        isRunning = false;
        if (isRequestedAgain) {
          isRequestedAgain = false;
          request();
        }
      });
  }

  function cancelTimer(): void {
    if (timer !== null) clearTimer(timer);
    timer = null;
  }

  function settle(result: SyncResult): void {
    last = result;
    for (const listener of listeners) listener(result);

    if (result.state === "offline" || result.state === "retry-later") {
      failures += 1;
      retryIn(Math.max(result.retryAfterMs ?? 0, backoffDelayMs(failures)));
    } else {
      failures = 0;
    }
  }

  function retryIn(delayMs: number): void {
    if (isDisposed) return;
    cancelTimer();
    timer = setTimer(() => {
      timer = null;
      request();
    }, delayMs);
  }

  return {
    request,
    lastResult: () => last,
    onResult(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      isDisposed = true;
      unsubscribe?.();
      cancelTimer();
    },
  };
}
