import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";

import { useApi } from "../../app/api-context";
import { ProblemAlert } from "../../ui/problem-alert";
import { Loading } from "../../ui/spinner";
import { formatDateTime } from "./format";
import { SettingsSection } from "./settings-section";

/** Lists the account's own audit log, newest first, a page at a time. */
export function SecurityActivitySection(): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const audit = useInfiniteQuery({
    queryKey: ["me", "audit"],
    queryFn: ({ pageParam }) => api.me.listAudit(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const events = audit.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <SettingsSection title={t("settings.activity.title")}>
      {audit.isPending ? <Loading /> : null}
      <ProblemAlert error={audit.error} />
      {audit.isSuccess && events.length === 0 ? <p>{t("settings.activity.empty")}</p> : null}
      <ul className="item-list">
        {events.map((event) => (
          <li key={event.id} className={`item severity-${event.severity}`}>
            <div>
              {/* NOTE: event names are not in the contract yet, so they show as the server sends them. */}
              <p className="item-title">{event.event.replace(/[._-]+/g, " ")}</p>
              <p className="item-meta">
                {formatDateTime(event.createdAt, i18n.language)}
                {event.ip ? ` · ${event.ip}` : ""}
                {event.userAgent ? ` · ${event.userAgent}` : ""}
              </p>
            </div>
          </li>
        ))}
      </ul>
      {audit.hasNextPage ? (
        <button
          type="button"
          className="button"
          disabled={audit.isFetchingNextPage}
          onClick={() => void audit.fetchNextPage()}
        >
          {t("settings.activity.more")}
        </button>
      ) : null}
    </SettingsSection>
  );
}
