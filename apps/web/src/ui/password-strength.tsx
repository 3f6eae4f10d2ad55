import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { PasswordVerdict } from "@fitcoach/contract/password-strength";

import type * as StrengthExports from "@fitcoach/contract/password-strength";

type StrengthModule = typeof StrengthExports;

let strengthModule: Promise<StrengthModule> | null = null;

// The zxcvbn dictionaries weigh megabytes, so they load on the first screen that sets a password.
function loadStrengthModule(): Promise<StrengthModule> {
  strengthModule ??= import("@fitcoach/contract/password-strength");
  return strengthModule;
}

/** Runs the full password policy (length and strength); loads the dictionaries if needed. */
export async function isPasswordStrongEnough(
  password: string,
  userInputs: string[],
): Promise<boolean> {
  const module = await loadStrengthModule();
  return module.checkPasswordStrength(password, userInputs).ok;
}

/** Renders a strength meter for a new password; the server runs the same check and decides. */
export function PasswordStrength(props: {
  password: string;
  userInputs: string[];
}): React.JSX.Element | null {
  const { t } = useTranslation();
  const [verdict, setVerdict] = useState<PasswordVerdict | null>(null);
  const inputsKey = props.userInputs.join("\n");

  useEffect(() => {
    let isCurrent = true;
    if (!props.password) {
      setVerdict(null);
      return;
    }
    void loadStrengthModule().then((module) => {
      if (isCurrent)
        setVerdict(module.checkPasswordStrength(props.password, inputsKey.split("\n")));
    });
    return () => {
      isCurrent = false;
    };
  }, [props.password, inputsKey]);

  if (!verdict) return null;
  const label = t(`password.score${verdict.score}`);
  return (
    <div className="password-strength">
      <meter
        min={0}
        max={4}
        low={2}
        high={3}
        optimum={4}
        value={verdict.score}
        aria-label={t("password.strength")}
      >
        {label}
      </meter>
      <p aria-live="polite">
        {t("password.strengthValue", { label })}
        {verdict.ok ? null : ` ${t("password.tooWeak")}`}
      </p>
    </div>
  );
}
