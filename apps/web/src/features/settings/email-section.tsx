import { useState } from "react";
import { useTranslation } from "react-i18next";
import { emailChangeRequestSchema } from "@fitcoach/contract";
import type { Me } from "@fitcoach/contract";

import { useApi } from "../../app/api-context";
import { useFormSubmit } from "../../forms/use-form-submit";
import { Alert } from "../../ui/alert";
import { ProblemAlert } from "../../ui/problem-alert";
import { TextField } from "../../ui/text-field";
import { ResendVerification } from "../auth/resend-verification";
import { SettingsSection } from "./settings-section";

export function EmailSection(props: { me: Me }): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const [newEmail, setNewEmail] = useState("");
  const [password, setPassword] = useState("");
  const [sentTo, setSentTo] = useState<string | null>(null);

  const form = useFormSubmit(emailChangeRequestSchema, async (body) => {
    await api.me.changeEmail(body.password, body.newEmail);
    setSentTo(body.newEmail);
    setPassword("");
  });

  return (
    <SettingsSection title={t("settings.email.title")}>
      <p>
        {t("settings.email.current", { email: props.me.email })}{" "}
        {props.me.emailVerified ? t("settings.email.verified") : t("settings.email.unverified")}
      </p>
      {props.me.emailVerified ? null : <ResendVerification email={props.me.email} />}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void form.submit({ newEmail, password });
        }}
      >
        <TextField
          label={t("fields.newEmail")}
          type="email"
          autoComplete="email"
          value={newEmail}
          onChange={(event) => setNewEmail(event.target.value)}
          error={form.fieldErrors.newEmail}
        />
        <TextField
          label={t("fields.currentPassword")}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={form.fieldErrors.password}
        />
        <ProblemAlert error={form.error} messages={{ forbidden: t("wrongCredentials.password") }} />
        {sentTo ? (
          <Alert tone="success">{t("settings.email.sent", { email: sentTo })}</Alert>
        ) : null}
        <button type="submit" className="button" disabled={form.isPending}>
          {t("settings.email.submit")}
        </button>
      </form>
    </SettingsSection>
  );
}
