/** Header the service worker sets on the 202 it returns for a write it stored for later. */
export const QUEUED_HEADER = "x-fitcoach-queued";

/** Upper bound on stored writes, so a device that stays offline for weeks cannot fill its disk. */
export const QUEUE_LENGTH_MAX = 500;

/** A write made offline, stored without its Authorization header (tokens never go to disk). */
export interface QueuedWrite {
  id: string;
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
  count(): Promise<number>;
}

export interface ReplayResult {
  sent: number;
  /** Writes the server rejected for good (4xx other than 401); they are dropped. */
  rejected: number;
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

export async function toQueuedWrite(request: Request, id: string, now: Date): Promise<QueuedWrite> {
  const headers: [string, string][] = [];
  request.headers.forEach((value, name) => {
    if (name !== "authorization" && name !== "cookie") headers.push([name, value]);
  });
  const body = await request.text();
  return {
    id,
    url: request.url,
    method: request.method,
    headers,
    body: body === "" ? null : body,
    createdAt: now.toISOString(),
  };
}

/**
 * Sends stored writes in order with the page's access token. The Idempotency-Key each write keeps
 * makes a resend after a lost response harmless. Stops at the first network failure or 401.
 */
export async function replayQueue(
  store: WriteQueueStore,
  accessToken: string,
  fetchFunction: typeof fetch = fetch,
): Promise<ReplayResult> {
  let sent = 0;
  let rejected = 0;
  let needsToken = false;

  for (const write of await store.list()) {
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

  return { sent, rejected, remaining: await store.count(), needsToken };
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
    async count() {
      return writes.length;
    },
  };
}
