import { usePushSubscriptionSync } from "../reminders/push-sync";
import { useDesktopNotificationRelay } from "./desktop-relay";
import { NotificationBell, useUnreadCount } from "./notification-bell";

/**
 * Renders the shell's part of notifications: the bell with its badge. It also shows native
 * notifications inside the desktop shell and re-registers this browser's push subscription when
 * it changes.
 */
export function ShellNotifications(): React.JSX.Element {
  const { count, updatedAt } = useUnreadCount();
  useDesktopNotificationRelay(count, updatedAt);
  usePushSubscriptionSync();
  return <NotificationBell count={count} />;
}
