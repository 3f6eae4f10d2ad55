import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";

import { useApi } from "../../app/api-context";
import { ProblemAlert } from "../../ui/problem-alert";
import { Loading } from "../../ui/spinner";
import {
  browserPushEnvironment,
  releaseSubscriptionAtLogout,
} from "../reminders/push-subscription";
import { formatDateTime } from "./format";
import { SettingsSection } from "./settings-section";

const SESSIONS_QUERY_KEY = ["me", "sessions"] as const;

/** Devices with a live session; any but this one can be ended here. */
export function SessionsSection(): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const sessions = useQuery({ queryKey: SESSIONS_QUERY_KEY, queryFn: () => api.me.listSessions() });
  const revoke = useMutation({
    mutationFn: (sessionId: string) => api.me.revokeSession(sessionId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSIONS_QUERY_KEY }),
  });
  // The push subscription is removed on the server while this session can still authenticate.
  const logoutAll = useMutation({
    mutationFn: async () => {
      await releaseSubscriptionAtLogout(browserPushEnvironment(), api);
      await api.auth.logoutAll();
    },
  });
  const logout = useMutation({
    mutationFn: async () => {
      await releaseSubscriptionAtLogout(browserPushEnvironment(), api);
      await api.auth.logout();
    },
  });

  return (
    <SettingsSection title={t("settings.sessions.title")}>
      {sessions.isPending ? <Loading /> : null}
      <ProblemAlert error={sessions.error ?? revoke.error} />
      <ul className="item-list">
        {(sessions.data ?? []).map((session) => (
          <li key={session.id} className="item">
            <div>
              <p className="item-title">
                {session.deviceLabel}
                {session.current ? (
                  <span className="badge">{t("settings.sessions.current")}</span>
                ) : null}
              </p>
              <p className="item-meta">
                {t("settings.sessions.lastUsed", {
                  time: formatDateTime(session.lastUsedAt, i18n.language),
                })}
                {session.ip ? ` · ${session.ip}` : ""}
              </p>
            </div>
            {session.current ? null : (
              <button
                type="button"
                className="button"
                disabled={revoke.isPending}
                onClick={() => revoke.mutate(session.id)}
              >
                {/* The device goes into the name as hidden text, so the name still starts with the
                    visible label that speech-input users say. */}
                {t("settings.sessions.revoke")}{" "}
                <span className="visually-hidden">
                  {t("settings.sessions.revokeDevice", { device: session.deviceLabel })}
                </span>
              </button>
            )}
          </li>
        ))}
      </ul>
      <p className="button-row">
        <button type="button" className="button" onClick={() => logout.mutate()}>
          {t("settings.sessions.logout")}
        </button>
        <button type="button" className="button button-danger" onClick={() => logoutAll.mutate()}>
          {t("settings.sessions.logoutAll")}
        </button>
      </p>
    </SettingsSection>
  );
}
