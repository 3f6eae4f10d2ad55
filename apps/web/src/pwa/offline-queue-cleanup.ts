import type { ApiClient } from "@fitcoach/client";

import { readTokenSubject } from "../service-worker/token-subject";
import { dropQueuedWrites } from "../service-worker/write-queue";
import type { WriteQueueStore } from "../service-worker/write-queue";

/**
 * Window event sent when queued offline writes were removed unsent. `detail.count` is their
 * number.
 */
export const OFFLINE_WRITES_DROPPED_EVENT = "fitcoach:offline-writes-dropped";

export function announceDroppedWrites(count: number, target: EventTarget = window): void {
  if (count > 0)
    target.dispatchEvent(new CustomEvent(OFFLINE_WRITES_DROPPED_EVENT, { detail: { count } }));
}

/**
 * Removes the offline writes of each account whose session ends in this page, whether the user
 * logged out or the server ended the session. On a shared browser the next person to log in
 * must not have the previous person's writes sent into their account. Returns the unsubscribe
 * function.
 */
export function dropQueueOnLogout(
  api: ApiClient,
  store: WriteQueueStore,
  target: EventTarget = window,
): () => void {
  return api.onLoggedOut((_reason, endedAccessToken) => {
    void dropQueuedWrites(store, readTokenSubject(endedAccessToken))
      .then((count) => announceDroppedWrites(count, target))
      .catch((error: unknown) => {
        // The next flush still sends only the new account's writes and removes the rest.
        console.warn("Removing the offline writes of the ended session failed.", error);
      });
  });
}
