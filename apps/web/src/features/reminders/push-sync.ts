import { useEffect } from "react";

import { useApi } from "../../app/api-context";
import { useDesktop } from "../../desktop/desktop-context";
import {
  browserPushEnvironment,
  hasSubscriptionChanged,
  resyncSubscription,
} from "./push-subscription";
import type { PushEnvironment } from "./push-subscription";

/** Message the service worker's push handler posts when the browser replaced a subscription. */
export const PUSH_SUBSCRIPTION_CHANGED = "push-subscription-changed";

/**
 * Keeps the server's copy of this browser's push subscription current while a user is signed in.
 * The worker has no access token, so it posts a message to open pages to register the new
 * subscription. A change that happened while no page was open is caught by comparing endpoints at
 * start.
 */
export function usePushSubscriptionSync(environment?: PushEnvironment): void {
  const api = useApi();
  const desktop = useDesktop();

  useEffect(() => {
    const push = environment ?? browserPushEnvironment();
    const container = push.serviceWorker;
    if (desktop || !container) return;

    function resync(): void {
      // A failure leaves the old endpoint stored, so the next start tries again.
      void resyncSubscription(api, push).catch(() => undefined);
    }
    function onMessage(event: MessageEvent): void {
      if ((event.data as { type?: unknown } | null)?.type === PUSH_SUBSCRIPTION_CHANGED) resync();
    }

    container.addEventListener("message", onMessage);
    void hasSubscriptionChanged(push)
      .then((isChanged) => (isChanged ? resync() : undefined))
      .catch(() => undefined);
    return () => container.removeEventListener("message", onMessage);
  }, [api, desktop, environment]);
}
