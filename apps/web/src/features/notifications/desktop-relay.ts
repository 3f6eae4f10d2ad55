import { useEffect, useRef } from "react";
import type { ApiClient } from "@fitcoach/client";

import { useApi } from "../../app/api-context";
import type { FitcoachDesktopApi } from "../../desktop/desktop-api";
import { useDesktop } from "../../desktop/desktop-context";
import { showDesktopNotification } from "../../desktop/desktop-notifications";

/** Unread notifications read per check; more new ones than this in one minute are not shown. */
const RELAY_PAGE_SIZE = 20;

/**
 * Shows notifications that arrive while the app runs in the desktop shell as native notifications,
 * because web push does not reach the shell. The first check only records what is already
 * unread, so starting the app does not replay old reminders. `updatedAt` changes on every poll of
 * the unread count, which triggers a check.
 */
export function useDesktopNotificationRelay(count: number | undefined, updatedAt: number): void {
  const api = useApi();
  const desktop = useDesktop();
  const seen = useRef<Set<string> | null>(null);
  const isChecking = useRef(false);

  useEffect(() => {
    if (!desktop || count === undefined || isChecking.current) return;
    isChecking.current = true;
    void relayNewNotifications(api, desktop, seen).finally(() => {
      isChecking.current = false;
    });
  }, [api, desktop, count, updatedAt]);
}

async function relayNewNotifications(
  api: ApiClient,
  desktop: FitcoachDesktopApi,
  seen: { current: Set<string> | null },
): Promise<void> {
  let page;
  try {
    page = await api.notifications.list({ limit: RELAY_PAGE_SIZE });
  } catch {
    // The next poll tries again; the bell shows its own error state.
    return;
  }
  const unread = page.items.filter((item) => item.readAt === null);
  if (seen.current === null) {
    seen.current = new Set(unread.map((item) => item.id));
    return;
  }
  // The list is newest first; the oldest new one is shown first so they appear in order.
  const fresh = unread.filter((item) => !seen.current!.has(item.id)).reverse();
  for (const item of fresh) {
    seen.current.add(item.id);
    await showDesktopNotification(desktop, { title: item.title, body: item.body });
  }
}
