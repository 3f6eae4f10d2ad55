import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { reauthenticateRequestSchema } from "@fitcoach/contract";

import { useApi } from "../../app/api-context";
import { useMe } from "../../app/me-query";
import { useFormSubmit } from "../../forms/use-form-submit";
import { ProblemAlert } from "../../ui/problem-alert";
import { TextField } from "../../ui/text-field";

/**
 * Asks for the password again, or a code from the authenticator app when two-factor login is on,
 * after the server returned 401 with `reason: "reauthentication"`, then calls `onConfirmed` so the
 * caller can retry. The field takes focus because the prompt appears in answer to a click
 * elsewhere.
 */
export function ReauthenticateForm(props: {
  onConfirmed(): void;
  onCancel(): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const me = useMe();
  const canUseCode = me.data?.twoFactorEnabled === true;
  const [useCode, setUseCode] = useState(false);
  const [value, setValue] = useState("");
  const container = useRef<HTMLFormElement>(null);

  useEffect(() => {
    container.current?.querySelector("input")?.focus();
  }, [useCode]);

  const form = useFormSubmit(reauthenticateRequestSchema, async (body) => {
    await api.auth.reauthenticate(
      body.code !== undefined ? { code: body.code } : { password: body.password ?? "" },
    );
    props.onConfirmed();
  });

  function switchMethod(): void {
    setUseCode(!useCode);
    setValue("");
    form.reset();
  }

  return (
    <form
      ref={container}
      noValidate
      className="reauthenticate"
      aria-label={t("reauthenticate.title")}
      onSubmit={(event) => {
        event.preventDefault();
        void form.submit(useCode ? { code: value.trim() } : { password: value });
      }}
    >
      <p>{canUseCode ? t("reauthenticate.helpWithCode") : t("reauthenticate.help")}</p>
      {useCode ? (
        <TextField
          key="code"
          label={t("fields.totpCode")}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          error={form.fieldErrors.code}
        />
      ) : (
        <TextField
          key="password"
          label={t("fields.currentPassword")}
          type="password"
          autoComplete="current-password"
          value={value}
          onChange={(event) => setValue(event.target.value)}
          error={form.fieldErrors.password}
        />
      )}
      {canUseCode ? (
        <button type="button" className="button-link" onClick={switchMethod}>
          {useCode ? t("reauthenticate.usePassword") : t("login.useCode")}
        </button>
      ) : null}
      <ProblemAlert
        error={form.error}
        messages={{
          forbidden: useCode ? t("wrongCredentials.code") : t("wrongCredentials.password"),
        }}
      />
      <p className="button-row">
        <button type="submit" className="button button-primary" disabled={form.isPending}>
          {t("reauthenticate.submit")}
        </button>
        <button type="button" className="button" onClick={props.onCancel}>
          {t("common.cancel")}
        </button>
      </p>
    </form>
  );
}
