import { useState } from "react";
import type { ReactElement } from "react";
import { useTranslation } from "react-i18next";
import { emailRequestSchema } from "@fitcoach/contract";

import { useFormSubmit } from "../../forms/use-form-submit";
import { Button } from "../../ui/button";
import { Notice } from "../../ui/notice";
import { ProblemNotice } from "../../ui/problem-notice";
import { Screen } from "../../ui/screen";
import { HelpText } from "../../ui/section";
import { TextField } from "../../ui/text-field";
import { TextLink } from "../../ui/text-link";
import { ServerField, useServerChoice } from "./server-field";

/** Asks for a reset link; the server answers the same whether or not the account exists. */
export function ForgotPasswordScreen(): ReactElement {
  const { t } = useTranslation();
  const server = useServerChoice();
  const [email, setEmail] = useState("");
  const [isSent, setSent] = useState(false);

  const form = useFormSubmit(emailRequestSchema, async (body) => {
    const runtime = await server.connect();
    if (!runtime) return;
    await runtime.api.auth.forgotPassword(body.email);
    setSent(true);
  });

  return (
    <Screen title={t("forgotPassword.title")}>
      {isSent ? (
        <Notice tone="success">{t("forgotPassword.sent")}</Notice>
      ) : (
        <>
          <HelpText>{t("forgotPassword.help")}</HelpText>
          <ServerField choice={server} />
          <TextField
            label={t("fields.email")}
            value={email}
            onChangeText={setEmail}
            error={form.fieldErrors.email}
            autoCapitalize="none"
            autoComplete="email"
            keyboardType="email-address"
          />
          <ProblemNotice error={form.error} />
          <Button
            label={t("forgotPassword.submit")}
            isPending={form.isPending}
            onPress={() => void form.submit({ email })}
          />
        </>
      )}
      <TextLink href="/login" label={t("common.backToLogin")} />
    </Screen>
  );
}
