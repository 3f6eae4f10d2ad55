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

/** Renders the shell's link to the notification list, with the unread count as a badge. */
export function NotificationBell(props: { count: number | undefined }): React.JSX.Element {
  const { t } = useTranslation();
  const count = props.count ?? 0;
  const label =
    count > 0 ? t("notifications.bellUnread", { unread: count }) : t("notifications.bell");

  return (
    <NavLink to="/notifications" className="bell" aria-label={label}>
      <BellIcon />
      {count > 0 ? (
        <span aria-hidden="true" className="bell-badge">
          {count > BADGE_MAX ? `${BADGE_MAX}+` : count}
        </span>
      ) : null}
    </NavLink>
  );
}

/** Draws a bell in SVG, because some systems have no emoji font. */
function BellIcon(): React.JSX.Element {
  return (
    <svg className="bell-icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
      <path
        fill="currentColor"
        d="M12 2a1.5 1.5 0 0 0-1.5 1.5v.6A6.5 6.5 0 0 0 5.5 10.5v4.2L3.8 17a1 1 0 0 0 .8 1.6h14.8a1 1 0 0 0 .8-1.6l-1.7-2.3v-4.2a6.5 6.5 0 0 0-5-6.4v-.6A1.5 1.5 0 0 0 12 2Zm-2.5 17.6a2.5 2.5 0 0 0 5 0Z"
      />
    </svg>
  );
}
