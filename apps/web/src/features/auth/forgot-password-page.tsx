import { useState } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { emailRequestSchema } from "@fitcoach/contract";

import { useApi } from "../../app/api-context";
import { useFormSubmit } from "../../forms/use-form-submit";
import { Alert } from "../../ui/alert";
import { Page } from "../../ui/page";
import { ProblemAlert } from "../../ui/problem-alert";
import { TextField } from "../../ui/text-field";

export default function ForgotPasswordPage(): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const [email, setEmail] = useState("");
  const [isSent, setSent] = useState(false);

  const form = useFormSubmit(emailRequestSchema, async (body) => {
    await api.auth.forgotPassword(body.email);
    setSent(true);
  });

  return (
    <Page title={t("forgotPassword.title")} narrow>
      {isSent ? (
        <Alert tone="success">{t("forgotPassword.sent")}</Alert>
      ) : (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void form.submit({ email });
          }}
        >
          <p>{t("forgotPassword.help")}</p>
          <TextField
            label={t("fields.email")}
            type="email"
            autoComplete="email"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            error={form.fieldErrors.email}
            required
          />
          <ProblemAlert error={form.error} />
          <button type="submit" className="button button-primary" disabled={form.isPending}>
            {t("forgotPassword.submit")}
          </button>
        </form>
      )}
      <p>
        <Link to="/login">{t("common.backToLogin")}</Link>
      </p>
    </Page>
  );
}
