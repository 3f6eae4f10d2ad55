import { useState } from "react";
import { useTranslation } from "react-i18next";
import { passwordChangeRequestSchema } from "@fitcoach/contract";
import type { Me } from "@fitcoach/contract";

import { useApi } from "../../app/api-context";
import { useFormSubmit } from "../../forms/use-form-submit";
import { Alert } from "../../ui/alert";
import { ProblemAlert } from "../../ui/problem-alert";
import { TextField } from "../../ui/text-field";
import { NewPasswordField } from "../auth/new-password-field";
import { assertStrongPassword } from "../auth/weak-password";
import { SettingsSection } from "./settings-section";

export function PasswordSection(props: { me: Me }): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const [currentPassword, setCurrentPassword] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const [isChanged, setChanged] = useState(false);
  const userInputs = [props.me.email, props.me.name ?? ""];

  const form = useFormSubmit(passwordChangeRequestSchema, async (body) => {
    setChanged(false);
    await assertStrongPassword("newPassword", body.newPassword, userInputs, t("password.tooWeak"));
    await api.auth.changePassword(body.currentPassword, body.newPassword);
    setCurrentPassword("");
    setNewPassword("");
    setChanged(true);
  });

  return (
    <SettingsSection title={t("settings.password.title")}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void form.submit({ currentPassword, newPassword });
        }}
      >
        <TextField
          label={t("fields.currentPassword")}
          type="password"
          autoComplete="current-password"
          value={currentPassword}
          onChange={(event) => setCurrentPassword(event.target.value)}
          error={form.fieldErrors.currentPassword}
        />
        <NewPasswordField
          value={newPassword}
          onChange={setNewPassword}
          error={form.fieldErrors.newPassword}
          userInputs={userInputs}
        />
        <ProblemAlert error={form.error} messages={{ forbidden: t("wrongCredentials.password") }} />
        {isChanged ? <Alert tone="success">{t("settings.password.changed")}</Alert> : null}
        <button type="submit" className="button" disabled={form.isPending}>
          {t("settings.password.submit")}
        </button>
      </form>
    </SettingsSection>
  );
}
