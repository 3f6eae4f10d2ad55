import { useState } from "react";
import type { ReactElement } from "react";
import { useTranslation } from "react-i18next";

import { useRuntime } from "../../session/session-provider";
import { useWriteQueue } from "../../sync/use-write-queue";
import { Button } from "../../ui/button";
import { Notice } from "../../ui/notice";
import { Section } from "../../ui/section";

/**
 * Logs out here or everywhere. Logging out wipes this device's copy of the account, including
 * changes not sent yet, so the user is warned and asked again while some wait.
 */
export function SignOutSection(): ReactElement {
  const { t } = useTranslation();
  const runtime = useRuntime();
  const { writes } = useWriteQueue();
  const [pendingAction, setPendingAction] = useState<"logout" | "logoutAll" | null>(null);
  const unsent = writes.length;

  function request(action: "logout" | "logoutAll"): void {
    if (unsent > 0 && pendingAction !== action) {
      setPendingAction(action);
      return;
    }
    setPendingAction(null);
    // The local session ends even when the server cannot be reached.
    const logout = action === "logout" ? runtime.api.auth.logout() : runtime.api.auth.logoutAll();
    void logout.catch(() => undefined);
  }

  return (
    <Section title={t("settings.signOut.title")}>
      {pendingAction ? (
        <Notice tone="warning">{t("settings.signOut.unsentWarning", { count: unsent })}</Notice>
      ) : null}
      <Button
        variant="danger"
        label={
          pendingAction === "logout" ? t("settings.signOut.confirm") : t("settings.signOut.logout")
        }
        onPress={() => request("logout")}
      />
      <Button
        variant="secondary"
        label={
          pendingAction === "logoutAll"
            ? t("settings.signOut.confirm")
            : t("settings.signOut.logoutAll")
        }
        onPress={() => request("logoutAll")}
      />
    </Section>
  );
}
