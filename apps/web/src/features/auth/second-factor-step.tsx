import { useState } from "react";
import { useTranslation } from "react-i18next";
import { loginSecondFactorRequestSchema } from "@fitcoach/contract";

import { useApi } from "../../app/api-context";
import { useFormSubmit } from "../../forms/use-form-submit";
import { Page } from "../../ui/page";
import { ProblemAlert } from "../../ui/problem-alert";
import { TextField } from "../../ui/text-field";

/** Second login step: a code from the authenticator app, or a recovery code instead. */
export function SecondFactorStep(props: { mfaToken: string; onCancel(): void }): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const [useRecoveryCode, setUseRecoveryCode] = useState(false);
  const [value, setValue] = useState("");

  const form = useFormSubmit(loginSecondFactorRequestSchema, async (body) => {
    const factor =
      body.code !== undefined ? { code: body.code } : { recoveryCode: body.recoveryCode ?? "" };
    await api.auth.loginSecondFactor(body.mfaToken, factor);
  });

  function switchMethod(): void {
    setUseRecoveryCode(!useRecoveryCode);
    setValue("");
    form.reset();
  }

  const field = useRecoveryCode ? "recoveryCode" : "code";
  return (
    <Page title={t("login.twoFactorTitle")} narrow>
      <p>{useRecoveryCode ? t("login.recoveryCodeHelp") : t("login.codeHelp")}</p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void form.submit({ mfaToken: props.mfaToken, [field]: value.trim() });
        }}
      >
        {useRecoveryCode ? (
          <TextField
            label={t("fields.recoveryCode")}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            value={value}
            onChange={(event) => setValue(event.target.value)}
            error={form.fieldErrors.recoveryCode}
          />
        ) : (
          <TextField
            label={t("fields.totpCode")}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            value={value}
            onChange={(event) => setValue(event.target.value)}
            error={form.fieldErrors.code}
          />
        )}
        <ProblemAlert error={form.error} />
        <button type="submit" className="button button-primary" disabled={form.isPending}>
          {t("login.verify")}
        </button>
      </form>
      <p className="button-row">
        <button type="button" className="button-link" onClick={switchMethod}>
          {useRecoveryCode ? t("login.useCode") : t("login.useRecoveryCode")}
        </button>
        <button type="button" className="button-link" onClick={props.onCancel}>
          {t("common.cancel")}
        </button>
      </p>
    </Page>
  );
}
