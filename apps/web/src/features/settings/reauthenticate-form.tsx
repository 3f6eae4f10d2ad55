import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { reauthenticateRequestSchema } from "@fitcoach/contract";

import { useApi } from "../../app/api-context";
import { useFormSubmit } from "../../forms/use-form-submit";
import { ProblemAlert } from "../../ui/problem-alert";
import { TextField } from "../../ui/text-field";

/**
 * Asks for the password again when the server wants a recent login for a sensitive action, then
 * calls `onConfirmed` so the caller can retry. The field takes focus because the prompt appears
 * in answer to a click elsewhere.
 */
export function ReauthenticateForm(props: {
  onConfirmed(): void;
  onCancel(): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const [password, setPassword] = useState("");
  const container = useRef<HTMLFormElement>(null);

  useEffect(() => {
    container.current?.querySelector("input")?.focus();
  }, []);

  const form = useFormSubmit(reauthenticateRequestSchema, async (body) => {
    await api.auth.reauthenticate(
      body.password !== undefined ? { password: body.password } : { code: body.code ?? "" },
    );
    props.onConfirmed();
  });

  return (
    <form
      ref={container}
      noValidate
      className="reauthenticate"
      aria-label={t("reauthenticate.title")}
      onSubmit={(event) => {
        event.preventDefault();
        void form.submit({ password });
      }}
    >
      <p>{t("reauthenticate.help")}</p>
      <TextField
        label={t("fields.currentPassword")}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={form.fieldErrors.password}
      />
      <ProblemAlert error={form.error} />
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
