import { createApiClient } from "@fitcoach/client";
import type { ApiClient, LogoutReason, TokenStore } from "@fitcoach/client";

import { wipeAccountData } from "../storage/schema";
import { applyServerResponse } from "./apply-response";
import type { SqlDatabase } from "../storage/sql-database";
import { createSyncEngine } from "../sync/sync-engine";
import type { ResponseApplier, SyncEngine } from "../sync/sync-engine";
import { createSyncScheduler } from "../sync/sync-scheduler";
import type { Connectivity, SyncScheduler } from "../sync/sync-scheduler";
import { discardWrite, enqueueWrite, resolveConflict } from "../sync/write-queue";
import type { NewWrite, QueuedWrite } from "../sync/write-queue";

export interface MobileRuntimeOptions {
  database: SqlDatabase;
  /** Origin of the FitCoach server, already checked with checkServerUrl. */
  serverUrl: string;
  tokenStore: TokenStore;
  fetch?: typeof fetch;
  connectivity?: Connectivity;
  applyResponse?: ResponseApplier;
}

/** Everything one signed-in device needs: the API client, the local database and the sync. */
export interface MobileRuntime {
  serverUrl: string;
  database: SqlDatabase;
  api: ApiClient;
  engine: SyncEngine;
  scheduler: SyncScheduler;
  /** Queues a change and starts sending it; it stays queued while the device is offline. */
  write(change: NewWrite): Promise<QueuedWrite>;
  /** Settles a 412 conflict with the user's choice and sends what is left. */
  resolveConflict(writeId: number, choice: "mine" | "theirs"): Promise<void>;
  /** Drops a write the server rejected. */
  discardWrite(writeId: number): Promise<void>;
  /** Calls `listener` whenever the queue or the cached data may have changed. */
  onLocalDataChange(listener: () => void): () => void;
  /** Tells screens that cached data changed outside the queue, such as after a download. */
  announceLocalDataChange(): void;
  /** Calls `listener` after the account's local data was wiped at the end of a session. */
  onWiped(listener: (reason: LogoutReason) => void): () => void;
  dispose(): void;
}

/**
 * Wires the API client, the write queue and the sync scheduler for one server. When the session
 * ends, by logout or because the server revoked it, the account's local data is wiped before
 * any listener runs, so the next account on this device starts empty.
 */
export function createMobileRuntime(options: MobileRuntimeOptions): MobileRuntime {
  const { database } = options;
  const api = createApiClient({
    platform: "native",
    baseUrl: options.serverUrl,
    tokenStore: options.tokenStore,
    fetch: options.fetch,
  });
  const engine = createSyncEngine({
    database,
    api,
    applyResponse: options.applyResponse ?? applyServerResponse,
  });
  const scheduler = createSyncScheduler(engine, { connectivity: options.connectivity });
  const wipedListeners = new Set<(reason: LogoutReason) => void>();
  const queueListeners = new Set<() => void>();

  function notifyLocalDataChange(): void {
    for (const listener of queueListeners) listener();
  }

  const stopEngineChanges = engine.onChange(notifyLocalDataChange);

  const stopLoggedOut = api.onLoggedOut((reason) => {
    void wipeAccountData(database).then(
      () => {
        for (const listener of wipedListeners) listener(reason);
        notifyLocalDataChange();
      },
      (error: unknown) => {
        console.error("wiping local data failed", error instanceof Error ? error.name : error);
      },
    );
  });

  return {
    serverUrl: options.serverUrl,
    database,
    api,
    engine,
    scheduler,
    async write(change) {
      const queued = await enqueueWrite(database, change);
      notifyLocalDataChange();
      scheduler.request();
      return queued;
    },
    async resolveConflict(writeId, choice) {
      await database.transaction((executor) => resolveConflict(executor, writeId, choice));
      notifyLocalDataChange();
      scheduler.request();
    },
    async discardWrite(writeId) {
      await discardWrite(database, writeId);
      notifyLocalDataChange();
      scheduler.request();
    },
    announceLocalDataChange: notifyLocalDataChange,
    onLocalDataChange(listener) {
      queueListeners.add(listener);
      return () => queueListeners.delete(listener);
    },
    onWiped(listener) {
      wipedListeners.add(listener);
      return () => wipedListeners.delete(listener);
    },
    dispose() {
      stopLoggedOut();
      stopEngineChanges();
      scheduler.dispose();
    },
  };
}
