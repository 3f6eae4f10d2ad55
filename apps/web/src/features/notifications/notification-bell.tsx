import { useQuery } from "@tanstack/react-query";
import { NavLink } from "react-router";
import { useTranslation } from "react-i18next";

import { useApi } from "../../app/api-context";
import { UNREAD_COUNT_QUERY_KEY, UNREAD_POLL_INTERVAL_MS } from "./notification-queries";
import "./bell.css";

/** Number above which the badge shows "99+"; the list has the exact count. */
const BADGE_MAX = 99;

/** Reads the unread count for the bell, refreshed every minute and when the window regains focus. */
export function useUnreadCount(): { count: number | undefined; updatedAt: number } {
  const api = useApi();
  const query = useQuery({
    queryKey: UNREAD_COUNT_QUERY_KEY,
    queryFn: () => api.notifications.unreadCount(),
    refetchInterval: UNREAD_POLL_INTERVAL_MS,
    refetchOnWindowFocus: true,
    staleTime: 0,
  });
  return { count: query.data, updatedAt: query.dataUpdatedAt };
}

/** The shell's link to the notification list, with the unread count as a badge. */
export function NotificationBell(props: { count: number | undefined }): React.JSX.Element {
  const { t } = useTranslation();
  const count = props.count ?? 0;
  const label =
    count > 0 ? t("notifications.bellUnread", { unread: count }) : t("notifications.bell");

  return (
    <NavLink to="/notifications" className="bell" aria-label={label}>
      <span aria-hidden="true" className="bell-icon">
        🔔
      </span>
      {count > 0 ? (
        <span aria-hidden="true" className="bell-badge">
          {count > BADGE_MAX ? `${BADGE_MAX}+` : count}
        </span>
      ) : null}
    </NavLink>
  );
}
