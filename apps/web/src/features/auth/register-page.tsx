import { useState } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { registerRequestSchema } from "@fitcoach/contract";

import { useApi } from "../../app/api-context";
import { useFormSubmit } from "../../forms/use-form-submit";
import { Alert } from "../../ui/alert";
import { Page } from "../../ui/page";
import { ProblemAlert } from "../../ui/problem-alert";
import { TextField } from "../../ui/text-field";
import { NewPasswordField } from "./new-password-field";
import { ResendVerification } from "./resend-verification";
import { assertStrongPassword } from "./weak-password";

export function browserTimeZone(): string | undefined {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
}

export default function RegisterPage(): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [registeredEmail, setRegisteredEmail] = useState<string | null>(null);

  const form = useFormSubmit(registerRequestSchema, async (body) => {
    await assertStrongPassword(
      "password",
      body.password,
      [body.email, body.name ?? ""],
      t("password.tooWeak"),
    );
    await api.auth.register(body);
    setRegisteredEmail(body.email);
  });

  if (registeredEmail) {
    return (
      <Page title={t("register.checkEmailTitle")} narrow>
        <Alert tone="success">{t("register.checkEmail", { email: registeredEmail })}</Alert>
        <ResendVerification email={registeredEmail} />
        <p>
          <Link to="/login">{t("register.toLogin")}</Link>
        </p>
      </Page>
    );
  }

  return (
    <Page title={t("register.title")} narrow>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void form.submit({
            email,
            password,
            name: name.trim() ? name : undefined,
            timeZone: browserTimeZone(),
          });
        }}
      >
        <TextField
          label={t("fields.nameOptional")}
          autoComplete="name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={form.fieldErrors.name}
        />
        <TextField
          label={t("fields.email")}
          type="email"
          autoComplete="email"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={form.fieldErrors.email}
          required
        />
        <NewPasswordField
          label={t("fields.password")}
          value={password}
          onChange={setPassword}
          error={form.fieldErrors.password}
          userInputs={[email, name]}
        />
        <ProblemAlert error={form.error} />
        <button type="submit" className="button button-primary" disabled={form.isPending}>
          {t("register.submit")}
        </button>
      </form>
      <p>
        {t("register.haveAccount")} <Link to="/login">{t("register.toLogin")}</Link>
      </p>
    </Page>
  );
}
