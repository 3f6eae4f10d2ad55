import { createIdempotencyKey } from "@fitcoach/client";
import type { ProblemDocument } from "@fitcoach/contract";

import type { SqlExecutor } from "../storage/sql-database";

export type WriteMethod = "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * State of a queued write: waiting to be sent, stopped by a 412 until the user picks a version, or
 * refused by the server for good (a 4xx other than 412) and kept so the user can read why.
 */
export type WriteStatus = "pending" | "conflict" | "rejected";

/** A change the user made, as the app will send it. */
export interface NewWrite {
  method: WriteMethod;
  /** Path below /api/v1; may contain `{ref:<key>}` for the id an earlier queued write creates. */
  path: string;
  body?: unknown;
  /** ETag of the version being edited, or `{ref:<key>}` for the ETag an earlier write returns. */
  ifMatch?: string | null;
  /** Kind of change, such as "water-add"; screens use it to name the write in the pending list. */
  kind: string;
  /** The record the write changes, such as "day:2026-03-29"; a conflict holds back later writes to it. */
  entityKey: string;
}

/** The server's copy of a record at the time of a 412 conflict; null body means it was deleted. */
export interface ServerVersion {
  body: unknown;
  etag: string | null;
}

export interface QueuedWrite extends Required<Omit<NewWrite, "ifMatch">> {
  id: number;
  ifMatch: string | null;
  idempotencyKey: string;
  status: WriteStatus;
  attempts: number;
  createdAt: string;
  problem: ProblemDocument | null;
  serverVersion: ServerVersion | null;
}

/** Result of a completed write that later writes may refer to. */
export interface WriteResult {
  status: number;
  resourceId: string | null;
  etag: string | null;
}

interface WriteRow {
  id: number;
  idempotency_key: string;
  method: WriteMethod;
  path: string;
  body: string | null;
  if_match: string | null;
  kind: string;
  entity_key: string;
  status: WriteStatus;
  attempts: number;
  created_at: string;
  problem: string | null;
  server_version: string | null;
}

const REFERENCE_PATTERN = /\{ref:([^}]+)\}/g;

/** Placeholder for the id (in a path) or ETag (in ifMatch) that an earlier queued write returns. */
export function referenceTo(write: Pick<QueuedWrite, "idempotencyKey">): string {
  return `{ref:${write.idempotencyKey}}`;
}

/**
 * Stores a write with a fresh Idempotency-Key. The key stays with the write for every retry, so
 * the server applies it once however often the app sends it.
 */
export async function enqueueWrite(
  executor: SqlExecutor,
  write: NewWrite,
  now: Date = new Date(),
): Promise<QueuedWrite> {
  const idempotencyKey = createIdempotencyKey();
  await executor.run(
    "INSERT INTO pending_writes (idempotency_key, method, path, body, if_match, kind, entity_key, " +
      "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    [
      idempotencyKey,
      write.method,
      write.path,
      write.body === undefined ? null : JSON.stringify(write.body),
      write.ifMatch ?? null,
      write.kind,
      write.entityKey,
      now.toISOString(),
    ],
  );
  const rows = await executor.all<WriteRow>(
    "SELECT * FROM pending_writes WHERE idempotency_key = ?",
    [idempotencyKey],
  );
  return fromRow(rows[0]!);
}

/** Lists queued writes in the order the user made them. */
export async function listWrites(executor: SqlExecutor): Promise<QueuedWrite[]> {
  const rows = await executor.all<WriteRow>("SELECT * FROM pending_writes ORDER BY id");
  return rows.map(fromRow);
}

export async function findWrite(executor: SqlExecutor, id: number): Promise<QueuedWrite | null> {
  const rows = await executor.all<WriteRow>("SELECT * FROM pending_writes WHERE id = ?", [id]);
  return rows[0] ? fromRow(rows[0]) : null;
}

/**
 * Picks the writes that may be sent now, in order: pending ones whose record has no earlier
 * unresolved conflict.
 */
export function sendableWrites(writes: readonly QueuedWrite[]): QueuedWrite[] {
  const blockedEntities = new Set<string>();
  const sendable: QueuedWrite[] = [];
  for (const write of writes) {
    if (write.status === "conflict") blockedEntities.add(write.entityKey);
    else if (write.status === "pending" && !blockedEntities.has(write.entityKey)) {
      sendable.push(write);
    }
  }
  return sendable;
}

export async function countAttempt(executor: SqlExecutor, id: number): Promise<void> {
  await executor.run("UPDATE pending_writes SET attempts = attempts + 1 WHERE id = ?", [id]);
}

/** Removes a write the server applied and keeps what later writes may refer to. */
export async function completeWrite(
  executor: SqlExecutor,
  write: QueuedWrite,
  result: WriteResult,
  now: Date = new Date(),
): Promise<void> {
  await executor.run(
    "INSERT OR REPLACE INTO write_results (idempotency_key, resource_id, etag, status, " +
      "completed_at) VALUES (?, ?, ?, ?, ?)",
    [write.idempotencyKey, result.resourceId, result.etag, result.status, now.toISOString()],
  );
  await executor.run("DELETE FROM pending_writes WHERE id = ?", [write.id]);
}

export async function markConflict(
  executor: SqlExecutor,
  id: number,
  problem: ProblemDocument,
  serverVersion: ServerVersion,
): Promise<void> {
  await executor.run(
    "UPDATE pending_writes SET status = 'conflict', problem = ?, server_version = ? WHERE id = ?",
    [JSON.stringify(problem), JSON.stringify(serverVersion), id],
  );
}

export async function markRejected(
  executor: SqlExecutor,
  id: number,
  problem: ProblemDocument,
): Promise<void> {
  await executor.run("UPDATE pending_writes SET status = 'rejected', problem = ? WHERE id = ?", [
    JSON.stringify(problem),
    id,
  ]);
}

/**
 * Settles a conflict. "mine" sends the local change again over the server's version: it needs a
 * new Idempotency-Key, because the server stored its 412 under the old one. "theirs" drops the
 * local change.
 */
export async function resolveConflict(
  executor: SqlExecutor,
  id: number,
  choice: "mine" | "theirs",
): Promise<void> {
  const write = await findWrite(executor, id);
  if (!write || write.status !== "conflict") return;

  if (choice === "theirs") {
    await executor.run("DELETE FROM pending_writes WHERE id = ?", [id]);
    return;
  }

  const deletedOnServer = write.serverVersion?.body === null;
  if (deletedOnServer && write.method === "DELETE") {
    await executor.run("DELETE FROM pending_writes WHERE id = ?", [id]);
    return;
  }
  await executor.run(
    "UPDATE pending_writes SET status = 'pending', idempotency_key = ?, if_match = ?, " +
      "problem = NULL, server_version = NULL WHERE id = ?",
    [createIdempotencyKey(), write.serverVersion?.etag ?? null, id],
  );
}

export async function discardWrite(executor: SqlExecutor, id: number): Promise<void> {
  await executor.run("DELETE FROM pending_writes WHERE id = ?", [id]);
}

/** Outcome of filling in `{ref:…}` placeholders from earlier writes. */
export type ResolvedReferences =
  | { kind: "ready"; path: string; ifMatch: string | null }
  | { kind: "waiting"; key: string }
  | { kind: "unavailable"; key: string };

/**
 * Fills in the placeholders of a write. A reference to a write still in the queue means waiting.
 * A reference to one that is gone without a result can never be filled: it was rejected and
 * discarded, or dropped for the server's version.
 */
export async function resolveReferences(
  executor: SqlExecutor,
  write: QueuedWrite,
): Promise<ResolvedReferences> {
  const keys = new Set<string>();
  for (const text of [write.path, write.ifMatch ?? ""]) {
    for (const match of text.matchAll(REFERENCE_PATTERN)) keys.add(match[1]!);
  }
  if (keys.size === 0) return { kind: "ready", path: write.path, ifMatch: write.ifMatch };

  const results = new Map<string, WriteResult>();
  for (const key of keys) {
    const queued = await executor.all<{ id: number }>(
      "SELECT id FROM pending_writes WHERE idempotency_key = ?",
      [key],
    );
    if (queued.length > 0) return { kind: "waiting", key };
    const rows = await executor.all<{
      resource_id: string | null;
      etag: string | null;
      status: number;
    }>("SELECT resource_id, etag, status FROM write_results WHERE idempotency_key = ?", [key]);
    const row = rows[0];
    if (!row) return { kind: "unavailable", key };
    results.set(key, { resourceId: row.resource_id, etag: row.etag, status: row.status });
  }

  let unavailable: string | null = null;
  const path = write.path.replace(REFERENCE_PATTERN, (_match, key: string) => {
    const id = results.get(key)?.resourceId;
    if (!id) unavailable ??= key;
    return encodeURIComponent(id ?? "");
  });
  const ifMatch =
    write.ifMatch?.replace(REFERENCE_PATTERN, (_match, key: string) => {
      const etag = results.get(key)?.etag;
      if (!etag) unavailable ??= key;
      return etag ?? "";
    }) ?? null;
  if (unavailable) return { kind: "unavailable", key: unavailable };
  return { kind: "ready", path, ifMatch };
}

/**
 * Results are kept for a week, because a screen may still show a record by the reference of the
 * write that created it and queue an edit to it after that write was sent.
 */
export const WRITE_RESULT_RETENTION_MS = 7 * 24 * 3_600_000;

/** Deletes kept results older than the retention that no queued write refers to. */
export async function pruneWriteResults(
  executor: SqlExecutor,
  now: Date = new Date(),
): Promise<number> {
  const cutoff = new Date(now.getTime() - WRITE_RESULT_RETENTION_MS).toISOString();
  return executor.run(
    "DELETE FROM write_results WHERE completed_at < ? AND NOT EXISTS (SELECT 1 FROM " +
      "pending_writes p WHERE instr(p.path, '{ref:' || write_results.idempotency_key || '}') > 0 " +
      "OR instr(coalesce(p.if_match, ''), '{ref:' || write_results.idempotency_key || '}') > 0)",
    [cutoff],
  );
}

function fromRow(row: WriteRow): QueuedWrite {
  return {
    id: row.id,
    idempotencyKey: row.idempotency_key,
    method: row.method,
    path: row.path,
    body: row.body === null ? undefined : (JSON.parse(row.body) as unknown),
    ifMatch: row.if_match,
    kind: row.kind,
    entityKey: row.entity_key,
    status: row.status,
    attempts: row.attempts,
    createdAt: row.created_at,
    problem: row.problem === null ? null : (JSON.parse(row.problem) as ProblemDocument),
    serverVersion:
      row.server_version === null ? null : (JSON.parse(row.server_version) as ServerVersion),
  };
}
