import { useState } from "react";
import { useTranslation } from "react-i18next";
import { emailRequestSchema } from "@fitcoach/contract";

import { useApi } from "../../app/api-context";
import { useFormSubmit } from "../../forms/use-form-submit";
import { Alert } from "../../ui/alert";
import { ProblemAlert } from "../../ui/problem-alert";
import { TextField } from "../../ui/text-field";

/** Asks for another verification mail; with `email` given, only the button shows. */
export function ResendVerification(props: { email?: string }): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const [email, setEmail] = useState(props.email ?? "");
  const [isSent, setSent] = useState(false);

  const form = useFormSubmit(emailRequestSchema, async (body) => {
    await api.auth.resendVerification(body.email);
    setSent(true);
  });

  return (
    <form
      noValidate
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        void form.submit({ email });
      }}
    >
      {props.email === undefined ? (
        <TextField
          label={t("fields.email")}
          type="email"
          autoComplete="email"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={form.fieldErrors.email}
        />
      ) : null}
      <ProblemAlert error={form.error} />
      {isSent ? <Alert tone="success">{t("verifyEmail.resent")}</Alert> : null}
      <button type="submit" className="button" disabled={form.isPending}>
        {t("verifyEmail.resend")}
      </button>
    </form>
  );
}
