import { useState } from "react";
import type { ReactElement } from "react";
import { useTranslation } from "react-i18next";
import { loginRequestSchema } from "@fitcoach/contract";
import type { MfaRequiredResponse } from "@fitcoach/contract";

import { useFormSubmit } from "../../forms/use-form-submit";
import { deviceName } from "../../platform/device-name";
import type { MobileRuntime } from "../../runtime/mobile-runtime";
import { useSession } from "../../session/session-provider";
import { Button } from "../../ui/button";
import { Notice } from "../../ui/notice";
import { ProblemNotice } from "../../ui/problem-notice";
import { Screen } from "../../ui/screen";
import { TextField } from "../../ui/text-field";
import { TextLink } from "../../ui/text-link";
import { SecondFactorStep } from "./second-factor-step";
import { ServerField, useServerChoice } from "./server-field";

/** Server, email and password; accounts with two-factor login continue to the code step. */
export function LoginScreen(): ReactElement {
  const { t } = useTranslation();
  const { endedBySystem } = useSession();
  const server = useServerChoice();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [challenge, setChallenge] = useState<{
    runtime: MobileRuntime;
    mfa: MfaRequiredResponse;
  } | null>(null);

  const form = useFormSubmit(loginRequestSchema, async (body) => {
    const runtime = await server.connect();
    if (!runtime) return;
    const outcome = await runtime.api.auth.login({ ...body, deviceName: deviceName() });
    if (outcome.status === "mfa-required") setChallenge({ runtime, mfa: outcome.mfa });
  });

  if (challenge) {
    return (
      <SecondFactorStep
        runtime={challenge.runtime}
        mfaToken={challenge.mfa.mfaToken}
        onCancel={() => setChallenge(null)}
      />
    );
  }

  return (
    <Screen title={t("login.title")}>
      {endedBySystem ? <Notice tone="info">{t("login.sessionEnded")}</Notice> : null}
      <ServerField choice={server} />
      <TextField
        label={t("fields.email")}
        value={email}
        onChangeText={setEmail}
        error={form.fieldErrors.email}
        autoCapitalize="none"
        autoComplete="email"
        keyboardType="email-address"
        textContentType="username"
      />
      <TextField
        label={t("fields.password")}
        value={password}
        onChangeText={setPassword}
        error={form.fieldErrors.password}
        secureTextEntry
        autoCapitalize="none"
        autoComplete="current-password"
        textContentType="password"
      />
      <ProblemNotice error={form.error} />
      <Button
        label={t("login.submit")}
        pendingLabel={t("login.submitting")}
        isPending={form.isPending}
        onPress={() => void form.submit({ email, password })}
      />
      <TextLink href="/forgot-password" label={t("login.forgotPassword")} />
      <TextLink href="/register" label={t("login.register")} />
    </Screen>
  );
}
