import { useState } from "react";
import type { ReactElement } from "react";
import { useTranslation } from "react-i18next";
import { loginSecondFactorRequestSchema } from "@fitcoach/contract";

import { useFormSubmit } from "../../forms/use-form-submit";
import type { MobileRuntime } from "../../runtime/mobile-runtime";
import { Button } from "../../ui/button";
import { ProblemNotice } from "../../ui/problem-notice";
import { Screen } from "../../ui/screen";
import { HelpText } from "../../ui/section";
import { TextField } from "../../ui/text-field";

/** Second login step: a code from the authenticator app, or a recovery code instead. */
export function SecondFactorStep(props: {
  runtime: MobileRuntime;
  mfaToken: string;
  onCancel(): void;
}): ReactElement {
  const { t } = useTranslation();
  const [useRecoveryCode, setUseRecoveryCode] = useState(false);
  const [value, setValue] = useState("");

  const form = useFormSubmit(loginSecondFactorRequestSchema, async (body) => {
    const factor =
      body.code !== undefined ? { code: body.code } : { recoveryCode: body.recoveryCode ?? "" };
    await props.runtime.api.auth.loginSecondFactor(body.mfaToken, factor);
  });

  function switchMethod(): void {
    setUseRecoveryCode(!useRecoveryCode);
    setValue("");
    form.reset();
  }

  const field = useRecoveryCode ? "recoveryCode" : "code";
  return (
    <Screen title={t("login.twoFactorTitle")}>
      <HelpText>{useRecoveryCode ? t("login.recoveryCodeHelp") : t("login.codeHelp")}</HelpText>
      {useRecoveryCode ? (
        <TextField
          label={t("fields.recoveryCode")}
          value={value}
          onChangeText={setValue}
          error={form.fieldErrors.recoveryCode}
          autoCapitalize="none"
          autoComplete="off"
        />
      ) : (
        <TextField
          label={t("fields.totpCode")}
          value={value}
          onChangeText={setValue}
          error={form.fieldErrors.code}
          keyboardType="number-pad"
          inputMode="numeric"
          autoComplete="one-time-code"
          textContentType="oneTimeCode"
          maxLength={6}
        />
      )}
      <ProblemNotice error={form.error} />
      <Button
        label={t("login.verify")}
        isPending={form.isPending}
        onPress={() => void form.submit({ mfaToken: props.mfaToken, [field]: value.trim() })}
      />
      <Button
        variant="link"
        label={useRecoveryCode ? t("login.useCode") : t("login.useRecoveryCode")}
        onPress={switchMethod}
      />
      <Button variant="link" label={t("common.cancel")} onPress={props.onCancel} />
    </Screen>
  );
}
