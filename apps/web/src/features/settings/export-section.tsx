import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { isReauthenticationRequired } from "@fitcoach/client";
import type { DownloadedFile, ExportFormat } from "@fitcoach/client";

import { useApi } from "../../app/api-context";
import { Alert } from "../../ui/alert";
import { ProblemAlert } from "../../ui/problem-alert";
import { ReauthenticateForm } from "./reauthenticate-form";
import { SettingsSection } from "./settings-section";

const EXPORT_FORMATS: ExportFormat[] = ["json", "csv"];

/**
 * Downloads all data as one JSON document or a zip of CSV files. The server wants a login in the
 * last minutes, so it may ask for the password first.
 */
export function ExportSection(): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const formatName = useId();
  const [format, setFormat] = useState<ExportFormat>("json");
  const [isBusy, setBusy] = useState(false);
  const [needsPassword, setNeedsPassword] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [isDone, setDone] = useState(false);

  async function download(): Promise<void> {
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      saveFile(await api.me.exportData(format));
      setDone(true);
    } catch (caught) {
      if (isReauthenticationRequired(caught)) setNeedsPassword(true);
      else setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <SettingsSection title={t("settings.export.title")}>
      <p>{t("settings.export.help")}</p>
      <fieldset className="segmented">
        <legend>{t("settings.export.format")}</legend>
        {EXPORT_FORMATS.map((value) => (
          <label key={value}>
            <input
              type="radio"
              name={formatName}
              value={value}
              checked={format === value}
              onChange={() => setFormat(value)}
            />
            {t(`settings.export.formats.${value}`)}
          </label>
        ))}
      </fieldset>
      {needsPassword ? (
        <ReauthenticateForm
          onConfirmed={() => {
            setNeedsPassword(false);
            void download();
          }}
          onCancel={() => setNeedsPassword(false)}
        />
      ) : (
        <button type="button" className="button" disabled={isBusy} onClick={() => void download()}>
          {isBusy ? t("common.working") : t("settings.export.submit")}
        </button>
      )}
      <ProblemAlert
        error={error}
        messages={{ "email-not-verified": t("settings.export.needsVerifiedEmail") }}
      />
      {isDone ? <Alert tone="success">{t("settings.export.done")}</Alert> : null}
    </SettingsSection>
  );
}

// A temporary link is the one way to hand a fetched file to the browser's download manager.
function saveFile(file: DownloadedFile): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
