import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import type { Notification } from "@fitcoach/contract";

import { useApi } from "../../app/api-context";
import { toSafeAppPath } from "../../app/safe-path";
import { Page } from "../../ui/page";
import { ProblemAlert } from "../../ui/problem-alert";
import { Loading } from "../../ui/spinner";
import { formatDateTime } from "../settings/format";
import { NOTIFICATIONS_QUERY_KEY, UNREAD_COUNT_QUERY_KEY } from "./notification-queries";
import "../../styles/widgets.css";
import "./notifications.css";

/** Entries per page of the list. */
const PAGE_SIZE = 20;

/** Renders the in-app notification list: unread first, then newest first. */
export default function NotificationsPage(): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const list = useInfiniteQuery({
    queryKey: NOTIFICATIONS_QUERY_KEY,
    queryFn: ({ pageParam }) => api.notifications.list({ cursor: pageParam, limit: PAGE_SIZE }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const unread = list.data?.pages[0]?.unreadCount ?? 0;

  async function refresh(): Promise<void> {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_QUERY_KEY }),
      queryClient.invalidateQueries({ queryKey: UNREAD_COUNT_QUERY_KEY }),
    ]);
  }
  const markAll = useMutation({
    mutationFn: () => api.notifications.markAllRead(),
    onSuccess: refresh,
  });

  return (
    <Page title={t("notifications.title")}>
      <p className="button-row">
        <span>{t("notifications.unreadCount", { unread })}</span>
        <button
          type="button"
          className="button"
          disabled={unread === 0 || markAll.isPending}
          onClick={() => markAll.mutate()}
        >
          {t("notifications.markAllRead")}
        </button>
        <Link to="/settings/reminders">{t("notifications.toReminders")}</Link>
      </p>
      {list.isPending ? <Loading /> : null}
      <ProblemAlert error={list.error ?? markAll.error} />
      {list.isSuccess && items.length === 0 ? (
        <p className="muted">{t("notifications.empty")}</p>
      ) : null}
      <ul className="notification-list" aria-label={t("notifications.title")}>
        {items.map((item) => (
          <NotificationItem key={item.id} item={item} onChanged={refresh} />
        ))}
      </ul>
      {list.hasNextPage ? (
        <button
          type="button"
          className="button"
          disabled={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          {t("notifications.more")}
        </button>
      ) : null}
    </Page>
  );
}

function NotificationItem(props: {
  item: Notification;
  onChanged(): Promise<void>;
}): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { item } = props;
  const isUnread = item.readAt === null;
  const markRead = useMutation({
    mutationFn: () => api.notifications.markRead(item.id),
    onSuccess: props.onChanged,
  });
  const remove = useMutation({
    mutationFn: () => api.notifications.remove(item.id),
    onSuccess: props.onChanged,
  });
  const path = toSafeAppPath(item.url);

  return (
    <li className={isUnread ? "notification notification-unread" : "notification"}>
      <p className="item-title">
        {isUnread ? <span className="badge">{t("notifications.unread")}</span> : null}
        {path ? (
          <Link to={path} onClick={() => (isUnread ? markRead.mutate() : undefined)}>
            {item.title}
          </Link>
        ) : (
          item.title
        )}
      </p>
      {item.body ? <p className="notification-body">{item.body}</p> : null}
      <p className="item-meta">{formatDateTime(item.createdAt, i18n.language)}</p>
      <p className="button-row">
        {isUnread ? (
          <button
            type="button"
            className="button"
            disabled={markRead.isPending}
            onClick={() => markRead.mutate()}
          >
            {t("notifications.markRead")}
            <span className="visually-hidden"> ({item.title})</span>
          </button>
        ) : null}
        <button
          type="button"
          className="button"
          disabled={remove.isPending}
          onClick={() => remove.mutate()}
        >
          {t("notifications.delete")}
          <span className="visually-hidden"> ({item.title})</span>
        </button>
      </p>
      <ProblemAlert error={markRead.error ?? remove.error} />
    </li>
  );
}
