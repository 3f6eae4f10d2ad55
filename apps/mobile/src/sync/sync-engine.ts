import {
  NetworkError,
  ProblemError,
  isReauthenticationRequired,
  retryAfterSeconds,
} from "@fitcoach/client";
import type { ApiClientCore, ApiResponse } from "@fitcoach/client";
import type { ProblemDocument } from "@fitcoach/contract";

import type { SqlDatabase, SqlExecutor } from "../storage/sql-database";
import { applyWriteToCache, resultOf } from "./write-cache";
import {
  completeWrite,
  countAttempt,
  listWrites,
  markConflict,
  markRejected,
  pruneWriteResults,
  resolveReferences,
  sendableWrites,
} from "./write-queue";
import type { QueuedWrite, ServerVersion } from "./write-queue";

/**
 * How a sync run ended: everything sent ("idle"), no connection ("offline"), only writes held
 * back by conflicts left ("blocked"), the server asked to wait ("retry-later"), or the session
 * ended, which wipes the queue.
 */
export type SyncState = "idle" | "offline" | "blocked" | "retry-later" | "session-ended";

export interface SyncResult {
  state: SyncState;
  /** Writes the server applied in this run. */
  sent: number;
  /** Wait the server asked for, in milliseconds, when the state is "retry-later". */
  retryAfterMs: number | null;
}

/** Updates cached records from the server's answer, in the transaction that completes the write. */
export type ResponseApplier = (
  executor: SqlExecutor,
  write: QueuedWrite,
  response: ApiResponse<unknown>,
) => Promise<void>;

export interface SyncEngineOptions {
  database: SqlDatabase;
  api: ApiClientCore;
  applyResponse?: ResponseApplier;
  now?: () => Date;
}

export interface SyncEngine {
  /** Sends queued writes in order; a call while a run is going joins that run. */
  sync(): Promise<SyncResult>;
  /** Calls `listener` after every change to the queue that a run makes. */
  onChange(listener: () => void): () => void;
}

// 409 comes back while the server still processes an earlier try with the same key.
const TRANSIENT_STATUSES = new Set([408, 409, 425, 429]);

type SendOutcome =
  | { kind: "applied" }
  | { kind: "skipped" }
  | { kind: "stop"; state: SyncState; retryAfterMs: number | null };

/**
 * Creates the engine that replays the write queue against the server. A write leaves the queue
 * only in the transaction that records the server's answer, so an app killed mid-request sends
 * the write again with the same Idempotency-Key and the server answers with the stored result.
 */
export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { database, api } = options;
  const now = options.now ?? (() => new Date());
  const applyResponse = options.applyResponse ?? applyWriteToCache;
  const listeners = new Set<() => void>();
  let running: Promise<SyncResult> | null = null;

  function notify(): void {
    for (const listener of listeners) listener();
  }

  async function run(): Promise<SyncResult> {
    let sent = 0;
    const skipped = new Set<number>();

    for (;;) {
      const writes = sendableWrites(await listWrites(database));
      const write = writes.find((candidate) => !skipped.has(candidate.id));
      if (!write) break;

      const outcome = await sendWrite(write);
      if (outcome.kind === "stop") {
        return { state: outcome.state, sent, retryAfterMs: outcome.retryAfterMs };
      }
      if (outcome.kind === "skipped") skipped.add(write.id);
      else sent += 1;
      notify();
    }

    await pruneWriteResults(database, now());
    const remaining = await listWrites(database);
    const isBlocked = remaining.some((write) => write.status !== "rejected");
    return { state: isBlocked ? "blocked" : "idle", sent, retryAfterMs: null };
  }

  async function sendWrite(write: QueuedWrite): Promise<SendOutcome> {
    const references = await resolveReferences(database, write);
    if (references.kind === "waiting") return { kind: "skipped" };
    if (references.kind === "unavailable") {
      await markRejected(database, write.id, dependencyProblem());
      return { kind: "skipped" };
    }

    await countAttempt(database, write.id);
    let response: ApiResponse<unknown>;
    try {
      response = await api.send({
        method: write.method,
        path: references.path,
        body: write.body,
        idempotencyKey: write.idempotencyKey,
        ifMatch: references.ifMatch ?? undefined,
      });
    } catch (error) {
      return handleFailure(write, references.path, error);
    }

    await database.transaction(async (executor) => {
      await applyResponse(executor, { ...write, path: references.path }, response);
      await completeWrite(executor, write, resultOf(response), now());
    });
    return { kind: "applied" };
  }

  async function handleFailure(
    write: QueuedWrite,
    path: string,
    error: unknown,
  ): Promise<SendOutcome> {
    if (error instanceof NetworkError) return stop("offline");
    if (!(error instanceof ProblemError)) throw error;

    if (error.status === 401 && !isReauthenticationRequired(error)) return stop("session-ended");
    if (TRANSIENT_STATUSES.has(error.status) || error.status >= 500) {
      return stop("retry-later", retryAfterSeconds(error.headers) * 1000);
    }
    if (error.status === 404 && write.method === "DELETE") {
      // Someone deleted the record already, which is what this write wanted.
      await database.transaction(async (executor) => {
        await completeWrite(executor, write, { status: 404, resourceId: null, etag: null }, now());
      });
      return { kind: "applied" };
    }
    if (error.status === 412 || (error.status === 404 && write.method !== "POST")) {
      let serverVersion: ServerVersion;
      try {
        serverVersion = await fetchServerVersion(path);
      } catch (fetchError) {
        return handleFailure(write, path, fetchError);
      }
      await markConflict(database, write.id, error.problem, serverVersion);
      return { kind: "skipped" };
    }

    await markRejected(database, write.id, error.problem);
    return { kind: "skipped" };
  }

  async function fetchServerVersion(path: string): Promise<ServerVersion> {
    try {
      const response = await api.send<unknown>({ path });
      return { body: response.data, etag: response.headers.get("etag") };
    } catch (error) {
      if (error instanceof ProblemError && error.status === 404) return { body: null, etag: null };
      throw error;
    }
  }

  return {
    sync() {
      running ??= run().finally(() => {
        running = null;
      });
      return running;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function stop(state: SyncState, retryAfterMs: number | null = null): SendOutcome {
  return { kind: "stop", state, retryAfterMs };
}

function dependencyProblem(): ProblemDocument {
  return {
    type: "/problems/unprocessable-content",
    title: "Unprocessable content",
    status: 422,
    detail: "This change refers to a record whose creation was not saved on the server.",
  };
}
