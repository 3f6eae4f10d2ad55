import { useEffect, useState } from "react";
import type { ReactElement } from "react";
import { useTranslation } from "react-i18next";
import { ProblemError } from "@fitcoach/client";
import { checkPasswordStrength } from "@fitcoach/contract/password-strength";
import type { PasswordVerdict } from "@fitcoach/contract/password-strength";

import { HelpText } from "../../ui/section";

/** Shows the strength of a new password as it is typed; the server runs the same check. */
export function PasswordStrength(props: {
  password: string;
  userInputs: string[];
}): ReactElement | null {
  const { t } = useTranslation();
  const [verdict, setVerdict] = useState<PasswordVerdict | null>(null);
  const inputsKey = props.userInputs.join("\n");

  useEffect(() => {
    setVerdict(
      props.password ? checkPasswordStrength(props.password, inputsKey.split("\n")) : null,
    );
  }, [props.password, inputsKey]);

  if (!verdict) return null;
  const label = t(`password.score${verdict.score}`);
  return (
    <HelpText>
      {t("password.strengthValue", { label })}
      {verdict.ok ? "" : ` ${t("password.tooWeak")}`}
    </HelpText>
  );
}

/**
 * Throws a weak-password problem for the named field when the password fails the strength policy,
 * so the form shows it as it shows a server rejection, without a round trip.
 */
export function assertStrongPassword(
  field: string,
  password: string,
  userInputs: string[],
  message: string,
): void {
  if (checkPasswordStrength(password, userInputs).ok) return;
  throw new ProblemError({
    type: "/problems/weak-password",
    title: "Password is too weak",
    status: 400,
    errors: [{ field, message }],
  });
}
