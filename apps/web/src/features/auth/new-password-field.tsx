import { useTranslation } from "react-i18next";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@fitcoach/contract";

import { PasswordStrength } from "../../ui/password-strength";
import { TextField } from "../../ui/text-field";

/** Input for a password being set, with the length rule as hint and a lazy strength meter. */
export function NewPasswordField(props: {
  label?: string;
  value: string;
  onChange(value: string): void;
  error?: string;
  userInputs: string[];
}): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={props.label ?? t("fields.newPassword")}
        type="password"
        autoComplete="new-password"
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        hint={t("password.rule", { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH })}
        error={props.error}
        required
      />
      <PasswordStrength password={props.value} userInputs={props.userInputs} />
    </>
  );
}
