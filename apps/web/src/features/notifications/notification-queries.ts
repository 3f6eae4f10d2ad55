export const UNREAD_COUNT_QUERY_KEY = ["notifications", "unread-count"] as const;
export const NOTIFICATIONS_QUERY_KEY = ["notifications", "list"] as const;
/** How often the shell asks for the unread count; reminders are planned at minute precision. */
export const UNREAD_POLL_INTERVAL_MS = 60_000;
