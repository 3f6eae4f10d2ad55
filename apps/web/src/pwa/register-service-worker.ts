import type { ApiClient } from "@fitcoach/client";

import { createIndexedDbQueueStore } from "../service-worker/indexed-db-queue";
import type { WorkerMessage } from "../service-worker/sw";
import { announceDroppedWrites, dropQueueOnLogout } from "./offline-queue-cleanup";

/**
 * Tells whether the page should register the service worker: only in a browser, over http or
 * https. The desktop shell serves the app from its `fitcoach:` scheme, where service workers are
 * turned off, so the app inside the shell never registers one.
 */
export function shouldRegisterServiceWorker(protocol: string, isDesktop: boolean): boolean {
  return !isDesktop && (protocol === "https:" || protocol === "http:");
}

/**
 * Registers the service worker and keeps the offline write queue draining: at start, whenever the
 * browser comes back online, and when the worker requests it. The worker has no token of its own, so the
 * page lends its access token for each flush and refreshes it once if the server returns 401.
 * When a session ends, the writes of its account are removed from the queue.
 */
export function registerServiceWorker(api: ApiClient): void {
  if (!("serviceWorker" in navigator)) return;
  const container = navigator.serviceWorker;
  let hasRetriedWithFreshToken = false;
  dropQueueOnLogout(api, createIndexedDbQueueStore());

  async function flush(): Promise<void> {
    const worker = container.controller;
    if (!worker || !navigator.onLine) return;
    let { accessToken } = await api.readTokens();
    if (!accessToken && (await api.refreshSession().catch(() => false))) {
      accessToken = (await api.readTokens()).accessToken;
    }
    if (accessToken)
      worker.postMessage({ type: "flush-queue", accessToken } satisfies WorkerMessage);
  }

  container.addEventListener("message", (event: MessageEvent<WorkerMessage>) => {
    const message = event.data;
    if (message.type === "queue-waiting") void flush();
    if (message.type !== "queue-flushed") return;
    announceDroppedWrites(message.result.dropped);
    if (message.result.needsToken && !hasRetriedWithFreshToken) {
      hasRetriedWithFreshToken = true;
      void api
        .refreshSession()
        .then((isRefreshed) => (isRefreshed ? flush() : undefined))
        .catch(() => undefined);
      return;
    }
    hasRetriedWithFreshToken = false;
    window.dispatchEvent(new CustomEvent("fitcoach:queue-flushed", { detail: message.result }));
  });

  window.addEventListener("online", () => void flush());
  window.addEventListener("load", () => {
    void container
      .register("/sw.js", { scope: "/" })
      .then(() => container.ready)
      .then(() => flush())
      .catch(() => undefined);
  });
}
