import type { NotificationConstructorOptions } from "electron";

import type { DesktopNotification } from "../../preload-api";

/** Most notifications shown per window of NOTIFICATION_WINDOW_MS; more are dropped. */
export const NOTIFICATION_LIMIT = 5;
export const NOTIFICATION_WINDOW_MS = 60_000;

/** The part of Electron's Notification class the notifier uses. */
export interface NotificationLike {
  on(event: "click" | "close", listener: () => void): unknown;
  show(): void;
}

export interface NotifierOptions {
  createNotification(options: NotificationConstructorOptions): NotificationLike;
  isSupported(): boolean;
  iconPath: string;
  onClick(): void;
  now?(): number;
}

/**
 * Creates the function that shows reminders as native notifications. A rate limit keeps a faulty
 * or hostile page from flooding the desktop; a dropped notification returns false.
 */
export function createNotifier(options: NotifierOptions): (n: DesktopNotification) => boolean {
  const now = options.now ?? Date.now;
  const shownAt: number[] = [];
  // Electron may garbage-collect a notification that nothing references, and then its click
  // handler never runs; the set keeps each one until it closes.
  const open = new Set<NotificationLike>();

  return function notify(notification) {
    if (!options.isSupported()) return false;

    const time = now();
    while (shownAt.length > 0 && time - shownAt[0]! >= NOTIFICATION_WINDOW_MS) shownAt.shift();
    if (shownAt.length >= NOTIFICATION_LIMIT) return false;
    shownAt.push(time);

    const shown = options.createNotification({
      title: notification.title,
      body: notification.body,
      icon: options.iconPath,
      silent: false,
    });
    open.add(shown);
    shown.on("click", () => {
      open.delete(shown);
      options.onClick();
    });
    shown.on("close", () => open.delete(shown));
    shown.show();
    return true;
  };
}
