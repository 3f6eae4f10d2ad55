import { useCallback, useState } from "react";
import type { ReactElement } from "react";
import { View } from "react-native";
import { useTranslation } from "react-i18next";

import { formatDateTime } from "../../i18n/format";
import { useRuntime } from "../../session/session-provider";
import { useOnlineQuery } from "../../sync/use-online-query";
import { Button } from "../../ui/button";
import { ProblemNotice } from "../../ui/problem-notice";
import { BodyText, HelpText, Section } from "../../ui/section";

/** Devices signed in to the account; ending one logs that device out at its next request. */
export function SessionsSection(): ReactElement {
  const { t, i18n } = useTranslation();
  const runtime = useRuntime();
  const load = useCallback(() => runtime.api.me.listSessions(), [runtime]);
  const sessions = useOnlineQuery(load);
  const [error, setError] = useState<unknown>(null);

  async function revoke(sessionId: string): Promise<void> {
    try {
      await runtime.api.me.revokeSession(sessionId);
      setError(null);
      await sessions.reload();
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <Section title={t("settings.sessions.title")}>
      <ProblemNotice error={sessions.error ?? error} />
      {(sessions.data ?? []).map((session) => (
        <View key={session.id}>
          <BodyText>
            {session.current
              ? t("settings.sessions.current", { device: session.deviceLabel })
              : session.deviceLabel}
          </BodyText>
          <HelpText>
            {t("settings.sessions.lastUsed", {
              time: formatDateTime(session.lastUsedAt, i18n.language),
            })}
          </HelpText>
          {session.current ? null : (
            <Button
              variant="secondary"
              label={t("settings.sessions.revoke")}
              accessibilityLabel={t("settings.sessions.revokeNamed", {
                device: session.deviceLabel,
              })}
              onPress={() => void revoke(session.id)}
            />
          )}
        </View>
      ))}
    </Section>
  );
}
