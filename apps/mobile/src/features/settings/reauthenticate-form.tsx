import { useState } from "react";
import type { ReactElement } from "react";
import { useTranslation } from "react-i18next";
import { reauthenticateRequestSchema } from "@fitcoach/contract";

import { useFormSubmit } from "../../forms/use-form-submit";
import { useRuntime } from "../../session/session-provider";
import { Button } from "../../ui/button";
import { ProblemNotice } from "../../ui/problem-notice";
import { HelpText } from "../../ui/section";
import { TextField } from "../../ui/text-field";

/** Asks for the password again before a sensitive action, then runs `onConfirmed`. */
export function ReauthenticateForm(props: { onConfirmed(): void }): ReactElement {
  const { t } = useTranslation();
  const runtime = useRuntime();
  const [password, setPassword] = useState("");

  const form = useFormSubmit(reauthenticateRequestSchema, async (body) => {
    await runtime.api.auth.reauthenticate({ password: body.password ?? "" });
    props.onConfirmed();
  });

  return (
    <>
      <HelpText>{t("reauthenticate.help")}</HelpText>
      <TextField
        label={t("fields.password")}
        value={password}
        onChangeText={setPassword}
        error={form.fieldErrors.password}
        secureTextEntry
        autoCapitalize="none"
        autoComplete="current-password"
      />
      <ProblemNotice error={form.error} />
      <Button
        label={t("reauthenticate.submit")}
        isPending={form.isPending}
        onPress={() => void form.submit({ password })}
      />
    </>
  );
}
