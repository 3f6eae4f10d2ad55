/** Header the service worker sets on the 202 it returns for a write it stored for later. */
export const QUEUED_HEADER = "x-fitcoach-queued";

/** Upper bound on stored writes, so a device that stays offline for weeks cannot fill its disk. */
export const QUEUE_LENGTH_MAX = 500;

import { readBearerSubject, readTokenSubject } from "./token-subject";

/**
 * A write made offline, stored without its Authorization header (tokens never go to disk) but
 * with the id of the account whose token it carried, so it is never sent for another account.
 */
export interface QueuedWrite {
  id: string;
  /** User id (the access token's `sub`). Writes stored before this field existed lack it. */
  owner?: string | null;
  url: string;
  method: string;
  headers: [string, string][];
  body: string | null;
  createdAt: string;
}

export interface WriteQueueStore {
  add(write: QueuedWrite): Promise<void>;
  /** Oldest first, so writes reach the server in the order they were made. */
  list(): Promise<QueuedWrite[]>;
  remove(id: string): Promise<void>;
  /** Removes every write at once, in one transaction. */
  clear(): Promise<void>;
  count(): Promise<number>;
}

export interface ReplayResult {
  sent: number;
  /** Writes the server rejected for good (4xx other than 401); they are dropped. */
  rejected: number;
  /**
   * Writes of another account, or of no known account, that were removed unsent. The token in
   * use belongs to someone else, so sending them would put one person's data in another account.
   */
  dropped: number;
  remaining: number;
  /** True when the server returned 401, so the page must refresh its token and flush again. */
  needsToken: boolean;
}

/** Tells whether the queue may keep a request: an API write that carries an Idempotency-Key. */
export function isQueueableWrite(request: Request, origin: string): boolean {
  const url = new URL(request.url);
  return (
    url.origin === origin &&
    url.pathname.startsWith("/api/") &&
    !url.pathname.startsWith("/api/v1/auth/") &&
    request.method !== "GET" &&
    request.method !== "HEAD" &&
    request.headers.has("idempotency-key")
  );
}

/**
 * Copies a request for the queue. The owner is read from its bearer token and is null when the
 * request carries none, which the worker treats as not queueable.
 */
export async function toQueuedWrite(request: Request, id: string, now: Date): Promise<QueuedWrite> {
  const owner = readBearerSubject(request.headers.get("authorization"));
  const headers: [string, string][] = [];
  request.headers.forEach((value, name) => {
    if (name !== "authorization" && name !== "cookie") headers.push([name, value]);
  });
  const body = await request.text();
  return {
    id,
    owner,
    url: request.url,
    method: request.method,
    headers,
    body: body === "" ? null : body,
    createdAt: now.toISOString(),
  };
}

/**
 * Sends stored writes in order with the page's access token. Only writes made by the token's
 * account are sent. Writes of any other account are removed unsent, because this browser now
 * belongs to someone else. The Idempotency-Key each write keeps makes a resend after a lost
 * response harmless. Stops at the first network failure or 401.
 */
export async function replayQueue(
  store: WriteQueueStore,
  accessToken: string,
  fetchFunction: typeof fetch = fetch,
): Promise<ReplayResult> {
  const owner = readTokenSubject(accessToken);
  let sent = 0;
  let rejected = 0;
  let dropped = 0;
  let needsToken = false;

  // A token without a user id cannot prove whose writes these are, so nothing is sent or removed.
  const writes = owner === null ? [] : await store.list();
  for (const write of writes) {
    if (write.owner !== owner) {
      await store.remove(write.id);
      dropped += 1;
      continue;
    }
    const headers = new Headers(write.headers);
    headers.set("authorization", `Bearer ${accessToken}`);
    let response: Response;
    try {
      response = await fetchFunction(write.url, {
        method: write.method,
        headers,
        body: write.body,
        credentials: "include",
      });
    } catch {
      break;
    }

    if (response.status === 401) {
      needsToken = true;
      break;
    }
    // 5xx and 429 are worth another try later; anything else is final.
    if (response.status >= 500 || response.status === 429) break;
    if (response.ok) sent += 1;
    else rejected += 1;
    await store.remove(write.id);
  }

  return { sent, rejected, dropped, remaining: await store.count(), needsToken };
}

/**
 * Removes the queued writes of an account whose session ended and those with no recorded owner.
 * When the owner is unknown, because the page never held a token of the account that left, every
 * queued write is removed. Returns the number removed, so the page can show the user that these
 * changes were not sent.
 */
export async function dropQueuedWrites(
  store: WriteQueueStore,
  owner: string | null,
): Promise<number> {
  if (owner === null) {
    const count = await store.count();
    await store.clear();
    return count;
  }
  let dropped = 0;
  for (const write of await store.list()) {
    // A write without an owner was stored before owners were recorded and could be anyone's.
    if (write.owner === owner || !write.owner) {
      await store.remove(write.id);
      dropped += 1;
    }
  }
  return dropped;
}

export function queuedResponse(write: QueuedWrite): Response {
  return new Response(JSON.stringify({ queued: true, id: write.id }), {
    status: 202,
    headers: { "content-type": "application/json", [QUEUED_HEADER]: "1" },
  });
}

export function createMemoryQueueStore(): WriteQueueStore {
  const writes: QueuedWrite[] = [];
  return {
    async add(write) {
      writes.push(write);
    },
    async list() {
      return [...writes];
    },
    async remove(id) {
      const index = writes.findIndex((write) => write.id === id);
      if (index >= 0) writes.splice(index, 1);
    },
    async clear() {
      writes.length = 0;
    },
    async count() {
      return writes.length;
    },
  };
}
