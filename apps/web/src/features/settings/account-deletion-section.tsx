import { useState } from "react";
import { z } from "zod";
import { useTranslation } from "react-i18next";
import { currentPasswordSchema } from "@fitcoach/contract";

import { useApi } from "../../app/api-context";
import { useFormSubmit } from "../../forms/use-form-submit";
import { ProblemAlert } from "../../ui/problem-alert";
import { TextField } from "../../ui/text-field";
import { rememberDeletion } from "./deletion-notice";
import { SettingsSection } from "./settings-section";

const deletionFormSchema = z.object({
  password: currentPasswordSchema,
  isConfirmed: z.literal(true),
});

/**
 * Deletes the account after the password and an explicit tick. The server disables the account at
 * once and ends every session, then purges it after a grace period. Logging in before then cancels
 * the deletion, so the login page this device returns to shows the date.
 */
export function AccountDeletionSection(): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const [password, setPassword] = useState("");
  const [isConfirmed, setConfirmed] = useState(false);

  const form = useFormSubmit(deletionFormSchema, async (body) => {
    const answer = await api.me.deleteAccount(body.password);
    rememberDeletion(answer.deletionDueAt);
    await api.endSession("logout");
  });

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
