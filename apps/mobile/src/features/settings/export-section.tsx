import { useState } from "react";
import type { ReactElement } from "react";
import { useTranslation } from "react-i18next";
import { isReauthenticationRequired } from "@fitcoach/client";
import type { Me } from "@fitcoach/contract";

import { useRuntime } from "../../session/session-provider";
import { Button } from "../../ui/button";
import { Notice } from "../../ui/notice";
import { ProblemNotice } from "../../ui/problem-notice";
import { HelpText, Section } from "../../ui/section";
import { shareExportFile } from "./share-export";
import { ReauthenticateForm } from "./reauthenticate-form";

/** Downloads every record of the account and hands the file to the system's share sheet. */
export function ExportSection(props: { me: Me | null }): ReactElement {
  const { t } = useTranslation();
  const runtime = useRuntime();
  const [needsPassword, setNeedsPassword] = useState(false);
  const [isPending, setPending] = useState(false);
  const [isDone, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function download(): Promise<void> {
    setPending(true);
    setDone(false);
    try {
      const file = await runtime.api.me.exportData();
      await shareExportFile(file);
      setDone(true);
      setError(null);
    } catch (caught) {
      if (isReauthenticationRequired(caught)) setNeedsPassword(true);
      else setError(caught);
    } finally {
      setPending(false);
    }
  }

  const isRestricted = props.me?.restrictions.includes("export-data") ?? false;
  return (
    <Section title={t("settings.export.title")}>
      <HelpText>{t("settings.export.help")}</HelpText>
      {isRestricted ? <Notice tone="info">{t("problems.email-not-verified")}</Notice> : null}
      {needsPassword ? (
        <ReauthenticateForm
          onConfirmed={() => {
            setNeedsPassword(false);
            void download();
          }}
        />
      ) : (
        <Button
          label={t("settings.export.submit")}
          isPending={isPending}
          isDisabled={isRestricted}
          onPress={() => void download()}
        />
      )}
      <ProblemNotice error={error} />
      {isDone ? <Notice tone="success">{t("settings.export.done")}</Notice> : null}
    </Section>
  );
}
