/// <reference lib="webworker" />
import { createIndexedDbQueueStore } from "./indexed-db-queue";
import {
  isQueueableWrite,
  queuedResponse,
  QUEUE_LENGTH_MAX,
  replayQueue,
  toQueuedWrite,
} from "./write-queue";
import type { ReplayResult } from "./write-queue";

declare const self: ServiceWorkerGlobalScope;
/** Files of this build, injected when the worker is bundled; index.html comes first. */
declare const __PRECACHE_FILES__: string[];
declare const __BUILD_ID__: string;

// The push handler shows reminders from the server and opens their screen when clicked. A
// service worker may only import scripts while it first runs, so this stays at the top level.
self.importScripts("/push-handler.js");

const CACHE_NAME = `fitcoach-shell-${__BUILD_ID__}`;
const SHELL_URL = "/index.html";
const queue = createIndexedDbQueueStore();

/** Messages between the page and this worker. */
export type WorkerMessage =
  | { type: "flush-queue"; accessToken: string }
  | { type: "queue-flushed"; result: ReplayResult }
  | { type: "queue-waiting" };

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE_NAME)
      .then((cache) => cache.addAll(__PRECACHE_FILES__))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith("fitcoach-shell-") && name !== CACHE_NAME) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);

  if (isQueueableWrite(request, self.location.origin)) {
    event.respondWith(sendOrQueue(request));
    return;
  }
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/api/") || url.pathname.startsWith("/health")) return;

  if (request.mode === "navigate") {
    event.respondWith(networkFirstShell(request));
  } else {
    event.respondWith(cacheFirst(request));
  }
});

self.addEventListener("message", (event) => {
  const message = event.data as WorkerMessage;
  if (message?.type !== "flush-queue") return;
  event.waitUntil(
    replayQueue(queue, message.accessToken).then((result) =>
      event.source?.postMessage({ type: "queue-flushed", result } satisfies WorkerMessage),
    ),
  );
});

// Background Sync (Chromium) wakes the worker when the network returns, but only the page has
// an access token, so the worker sends every open page a
// request to flush.
self.addEventListener("sync", ((
  event: Event & { tag: string; waitUntil(promise: Promise<unknown>): void },
) => {
  if (event.tag !== "fitcoach-write-queue") return;
  event.waitUntil(
    self.clients.matchAll({ type: "window" }).then((clients) => {
      for (const client of clients)
        client.postMessage({ type: "queue-waiting" } satisfies WorkerMessage);
    }),
  );
}) as EventListener);

async function sendOrQueue(request: Request): Promise<Response> {
  const copy = request.clone();
  try {
    return await fetch(request);
  } catch (error) {
    if ((await queue.count()) >= QUEUE_LENGTH_MAX) throw error;
    const write = await toQueuedWrite(copy, crypto.randomUUID(), new Date());
    // A write that names no account could later be sent with anyone's token, so it is not kept.
    if (!write.owner) throw error;
    await queue.add(write);
    const registration = self.registration as ServiceWorkerRegistration & {
      sync?: { register(tag: string): Promise<void> };
    };
    await registration.sync?.register("fitcoach-write-queue").catch(() => undefined);
    return queuedResponse(write);
  }
}

async function networkFirstShell(request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch {
    const cached = await caches.match(SHELL_URL, { ignoreVary: true });
    return cached ?? Response.error();
  }
}

async function cacheFirst(request: Request): Promise<Response> {
  // The server sends "Vary: Origin" (CORS), and module scripts are requested with an Origin
  // header that the precache requests lacked, so Vary must not prevent the match.
  const cached = await caches.match(request, { ignoreVary: true });
  return cached ?? fetch(request);
}
