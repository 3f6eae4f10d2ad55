import { useState } from "react";
import { z } from "zod";
import { useTranslation } from "react-i18next";
import { currentPasswordSchema } from "@fitcoach/contract";

import { useApi } from "../../app/api-context";
import { useFormSubmit } from "../../forms/use-form-submit";
import { Alert } from "../../ui/alert";
import { ProblemAlert } from "../../ui/problem-alert";
import { TextField } from "../../ui/text-field";
import { formatDateTime } from "./format";
import { SettingsSection } from "./settings-section";

const deletionFormSchema = z.object({
  password: currentPasswordSchema,
  isConfirmed: z.literal(true),
});

/**
 * Deletes the account after the password and an explicit tick. The server disables the account at
 * once and ends every session, then purges it after a grace period; logging in before then
 * cancels the deletion. The date is shown before this device logs out too.
 */
export function AccountDeletionSection(): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [password, setPassword] = useState("");
  const [isConfirmed, setConfirmed] = useState(false);
  const [deletionDueAt, setDeletionDueAt] = useState<string | null>(null);

  const form = useFormSubmit(deletionFormSchema, async (body) => {
    const answer = await api.me.deleteAccount(body.password);
    setDeletionDueAt(answer.deletionDueAt);
  });

  if (deletionDueAt) {
    return (
      <SettingsSection title={t("settings.deletion.title")}>
        <Alert tone="info" title={t("settings.deletion.scheduledTitle")}>
          <p>
            {t("settings.deletion.scheduled", {
              time: formatDateTime(deletionDueAt, i18n.language),
            })}
          </p>
        </Alert>
        <button
          type="button"
          className="button button-primary"
          onClick={() => void api.endSession("logout")}
        >
          {t("settings.deletion.logOut")}
        </button>
      </SettingsSection>
    );
  }

  return (
    <SettingsSection title={t("settings.deletion.title")}>
      <p>{t("settings.deletion.help")}</p>
      <p>{t("settings.deletion.grace")}</p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void form.submit({ password, isConfirmed });
        }}
      >
        <TextField
          label={t("fields.currentPassword")}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={form.fieldErrors.password}
        />
        <div className="field field-checkbox">
          <input
            id="delete-confirm"
            type="checkbox"
            checked={isConfirmed}
            onChange={(event) => setConfirmed(event.target.checked)}
            aria-invalid={form.fieldErrors.isConfirmed ? true : undefined}
            aria-describedby={form.fieldErrors.isConfirmed ? "delete-confirm-error" : undefined}
          />
          <label htmlFor="delete-confirm">{t("settings.deletion.confirm")}</label>
          {form.fieldErrors.isConfirmed ? (
            <p id="delete-confirm-error" className="field-error">
              {t("settings.deletion.confirmRequired")}
            </p>
          ) : null}
        </div>
        <ProblemAlert error={form.error} messages={{ forbidden: t("wrongCredentials.password") }} />
        <button type="submit" className="button button-danger" disabled={form.isPending}>
          {t("settings.deletion.submit")}
        </button>
      </form>
    </SettingsSection>
  );
}
