export const UNREAD_COUNT_QUERY_KEY = ["notifications", "unread-count"] as const;
export const NOTIFICATIONS_QUERY_KEY = ["notifications", "list"] as const;
/** Interval between the shell's requests for the unread count; reminders are timed to the minute. */
export const UNREAD_POLL_INTERVAL_MS = 60_000;
