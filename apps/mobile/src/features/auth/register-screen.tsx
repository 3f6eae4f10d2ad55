import { useState } from "react";
import type { ReactElement } from "react";
import { useTranslation } from "react-i18next";
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  registerRequestSchema,
} from "@fitcoach/contract";

import { useFormSubmit } from "../../forms/use-form-submit";
import { deviceTimeZone } from "../../platform/time-zone";
import { Button } from "../../ui/button";
import { Notice } from "../../ui/notice";
import { ProblemNotice } from "../../ui/problem-notice";
import { Screen } from "../../ui/screen";
import { TextField } from "../../ui/text-field";
import { TextLink } from "../../ui/text-link";
import { PasswordStrength, assertStrongPassword } from "./password-strength";
import { ServerField, useServerChoice } from "./server-field";

/** Creates an account; the verification link arrives by email and opens in the web app. */
export function RegisterScreen(): ReactElement {
  const { t } = useTranslation();
  const server = useServerChoice();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [registeredEmail, setRegisteredEmail] = useState<string | null>(null);

  const form = useFormSubmit(registerRequestSchema, async (body) => {
    const runtime = await server.connect();
    if (!runtime) return;
    assertStrongPassword(
      "password",
      body.password,
      [body.email, body.name ?? ""],
      t("password.tooWeak"),
    );
    await runtime.api.auth.register(body);
    setRegisteredEmail(body.email);
  });

  if (registeredEmail) {
    return (
      <Screen title={t("register.checkEmailTitle")}>
        <Notice tone="success">{t("register.checkEmail", { email: registeredEmail })}</Notice>
        <TextLink href="/login" label={t("register.toLogin")} />
      </Screen>
    );
  }

  return (
    <Screen title={t("register.title")}>
      <ServerField choice={server} />
      <TextField
        label={t("fields.nameOptional")}
        value={name}
        onChangeText={setName}
        error={form.fieldErrors.name}
        autoComplete="name"
        textContentType="name"
      />
      <TextField
        label={t("fields.email")}
        value={email}
        onChangeText={setEmail}
        error={form.fieldErrors.email}
        autoCapitalize="none"
        autoComplete="email"
        keyboardType="email-address"
        textContentType="emailAddress"
      />
      <TextField
        label={t("fields.password")}
        value={password}
        onChangeText={setPassword}
        error={form.fieldErrors.password}
        help={t("password.rule", { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH })}
        secureTextEntry
        autoCapitalize="none"
        autoComplete="new-password"
        textContentType="newPassword"
      />
      <PasswordStrength password={password} userInputs={[email, name]} />
      <ProblemNotice error={form.error} />
      <Button
        label={t("register.submit")}
        isPending={form.isPending}
        onPress={() =>
          void form.submit({
            email,
            password,
            name: name.trim() ? name : undefined,
            timeZone: deviceTimeZone(),
          })
        }
      />
      <TextLink href="/login" label={t("register.haveAccount")} />
    </Screen>
  );
}
