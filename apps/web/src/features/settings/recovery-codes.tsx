import { useEffect, useMemo } from "react";
import { useTranslation } from "react-i18next";

import { Alert } from "../../ui/alert";

/** Shows fresh recovery codes once, with a text file to keep them in. */
export function RecoveryCodes(props: { codes: string[]; onDone(): void }): React.JSX.Element {
  const { t } = useTranslation();
  const fileUrl = useMemo(
    () => URL.createObjectURL(new Blob([`${props.codes.join("\n")}\n`], { type: "text/plain" })),
    [props.codes],
  );
  useEffect(() => () => URL.revokeObjectURL(fileUrl), [fileUrl]);

  return (
    <div>
      <Alert tone="success" title={t("settings.twoFactor.codesTitle")}>
        <p>{t("settings.twoFactor.codesHelp")}</p>
      </Alert>
      <ul className="recovery-codes" aria-label={t("settings.twoFactor.codesTitle")}>
        {props.codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <p className="button-row">
        <a className="button" href={fileUrl} download="fitcoach-recovery-codes.txt">
          {t("settings.twoFactor.downloadCodes")}
        </a>
        <button type="button" className="button button-primary" onClick={props.onDone}>
          {t("settings.twoFactor.savedCodes")}
        </button>
      </p>
    </div>
  );
}
