import { useEffect, useState } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { loginRequestSchema } from "@fitcoach/contract";
import type { MfaRequiredResponse } from "@fitcoach/contract";

import { useApi } from "../../app/api-context";
import { useSession } from "../../app/session";
import { useFormSubmit } from "../../forms/use-form-submit";
import { Alert } from "../../ui/alert";
import { Page } from "../../ui/page";
import { ProblemAlert } from "../../ui/problem-alert";
import { TextField } from "../../ui/text-field";
import { forgetDeletionNotice, readDeletionNotice } from "../settings/deletion-notice";
import { formatDateTime } from "../settings/format";
import { SecondFactorStep } from "./second-factor-step";

/** Email and password login; accounts with two-factor login continue to the code step. */
export function LoginPage(): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { endedBySystem } = useSession();
  // Shown once, right after the account was deleted from the settings screen.
  const [deletionDueAt] = useState(readDeletionNotice);
  useEffect(forgetDeletionNotice, []);
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [challenge, setChallenge] = useState<MfaRequiredResponse | null>(null);

  const form = useFormSubmit(loginRequestSchema, async (body) => {
    const outcome = await api.auth.login(body);
    if (outcome.status === "mfa-required") setChallenge(outcome.mfa);
  });

  if (challenge) {
    return <SecondFactorStep mfaToken={challenge.mfaToken} onCancel={() => setChallenge(null)} />;
  }

  return (
    <Page title={t("login.title")} narrow>
      {deletionDueAt ? (
        <Alert tone="info">
          {t("login.deletionScheduled", { time: formatDateTime(deletionDueAt, i18n.language) })}
        </Alert>
      ) : null}
      {endedBySystem && !deletionDueAt ? (
        <Alert tone="info">{t("login.sessionEnded")}</Alert>
      ) : null}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void form.submit({ email, password });
        }}
      >
        <TextField
          label={t("fields.email")}
          type="email"
          autoComplete="username"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={form.fieldErrors.email}
          required
        />
        <TextField
          label={t("fields.password")}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={form.fieldErrors.password}
          required
        />
        <ProblemAlert error={form.error} />
        <button type="submit" className="button button-primary" disabled={form.isPending}>
          {form.isPending ? t("login.submitting") : t("login.submit")}
        </button>
      </form>
      <p>
        <Link to="/forgot-password">{t("login.forgotPassword")}</Link>
      </p>
      <p>
        {t("login.noAccount")} <Link to="/register">{t("login.register")}</Link>
      </p>
    </Page>
  );
}
