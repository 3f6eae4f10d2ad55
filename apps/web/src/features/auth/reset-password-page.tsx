import { useState } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { passwordResetRequestSchema } from "@fitcoach/contract";

import { useApi } from "../../app/api-context";
import { useFormSubmit } from "../../forms/use-form-submit";
import { Alert } from "../../ui/alert";
import { Page } from "../../ui/page";
import { ProblemAlert } from "../../ui/problem-alert";
import { TextField } from "../../ui/text-field";
import { useLinkToken } from "./link-token";
import { NewPasswordField } from "./new-password-field";
import { assertStrongPassword } from "./weak-password";

export default function ResetPasswordPage(): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const token = useLinkToken();
  const [password, setPassword] = useState("");
  const [confirmation, setConfirmation] = useState("");
  const [confirmationError, setConfirmationError] = useState<string | undefined>();
  const [isDone, setDone] = useState(false);

  const form = useFormSubmit(passwordResetRequestSchema, async (body) => {
    await assertStrongPassword("password", body.password, [], t("password.tooWeak"));
    await api.auth.resetPassword(body.token, body.password);
    setDone(true);
  });

  return (
    <Page title={t("resetPassword.title")} narrow>
      {!token ? <Alert tone="error">{t("links.invalid")}</Alert> : null}
      {isDone ? <Alert tone="success">{t("resetPassword.success")}</Alert> : null}
      {token && !isDone ? (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const matches = password === confirmation;
            setConfirmationError(matches ? undefined : t("validation.passwordsDiffer"));
            if (matches) void form.submit({ token, password });
          }}
        >
          <NewPasswordField
            value={password}
            onChange={setPassword}
            error={form.fieldErrors.password}
            userInputs={[]}
          />
          <TextField
            label={t("fields.confirmPassword")}
            type="password"
            autoComplete="new-password"
            value={confirmation}
            onChange={(event) => setConfirmation(event.target.value)}
            error={confirmationError}
            required
          />
          <ProblemAlert error={form.error} />
          <button type="submit" className="button button-primary" disabled={form.isPending}>
            {t("resetPassword.submit")}
          </button>
        </form>
      ) : null}
      <p>
        <Link to="/login">{t("common.backToLogin")}</Link>
      </p>
    </Page>
  );
}
