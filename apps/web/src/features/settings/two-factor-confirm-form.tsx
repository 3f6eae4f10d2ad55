import { useState } from "react";
import { useTranslation } from "react-i18next";
import { twoFactorConfirmRequestSchema } from "@fitcoach/contract";
import type { SecondFactor } from "@fitcoach/client";

import { useFormSubmit } from "../../forms/use-form-submit";
import { ProblemAlert } from "../../ui/problem-alert";
import { TextField } from "../../ui/text-field";

/** Password plus a TOTP or recovery code, for changes to an account with two-factor login. */
export function TwoFactorConfirmForm(props: {
  submitLabel: string;
  action(password: string, factor: SecondFactor): Promise<void>;
}): React.JSX.Element {
  const { t } = useTranslation();
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [useRecoveryCode, setUseRecoveryCode] = useState(false);

  const form = useFormSubmit(twoFactorConfirmRequestSchema, async (body) => {
    const factor =
      body.code !== undefined ? { code: body.code } : { recoveryCode: body.recoveryCode ?? "" };
    await props.action(body.password, factor);
    setPassword("");
    setCode("");
  });

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void form.submit({ password, [useRecoveryCode ? "recoveryCode" : "code"]: code.trim() });
      }}
    >
      <TextField
        label={t("fields.currentPassword")}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={form.fieldErrors.password}
      />
      <TextField
        label={useRecoveryCode ? t("fields.recoveryCode") : t("fields.totpCode")}
        inputMode={useRecoveryCode ? "text" : "numeric"}
        autoComplete={useRecoveryCode ? "off" : "one-time-code"}
        value={code}
        onChange={(event) => setCode(event.target.value)}
        error={useRecoveryCode ? form.fieldErrors.recoveryCode : form.fieldErrors.code}
      />
      <button
        type="button"
        className="button-link"
        onClick={() => setUseRecoveryCode(!useRecoveryCode)}
      >
        {useRecoveryCode ? t("login.useCode") : t("login.useRecoveryCode")}
      </button>
      <ProblemAlert
        error={form.error}
        messages={{ forbidden: t("wrongCredentials.passwordOrCode") }}
      />
      <button type="submit" className="button" disabled={form.isPending}>
        {props.submitLabel}
      </button>
    </form>
  );
}
