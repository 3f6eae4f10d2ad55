import { useState } from "react";
import type { ReactElement } from "react";
import { useTranslation } from "react-i18next";

import { checkServerUrl } from "../../platform/server-url";
import type { MobileRuntime } from "../../runtime/mobile-runtime";
import { useSession } from "../../session/session-provider";
import { TextField } from "../../ui/text-field";

/** Build-time default for the server address, such as https://fit.example.com. */
const SERVER_URL_DEFAULT = process.env.EXPO_PUBLIC_FITCOACH_SERVER_URL ?? "";

export interface ServerChoice {
  value: string;
  setValue(value: string): void;
  error: string | undefined;
  /** Checks the address and returns the runtime for it, or null with an error under the field. */
  connect(): Promise<MobileRuntime | null>;
}

/** Keeps the server address typed on a pre-login screen and checks it before each request. */
export function useServerChoice(): ServerChoice {
  const { t } = useTranslation();
  const session = useSession();
  const [value, setValue] = useState(session.runtime?.serverUrl ?? SERVER_URL_DEFAULT);
  const [error, setError] = useState<string | undefined>(undefined);

  return {
    value,
    setValue,
    error,
    async connect() {
      const check = checkServerUrl(value, session.services.isDevelopment);
      if (!check.ok) {
        setError(t(`serverUrl.${check.problem}`));
        return null;
      }
      setError(undefined);
      setValue(check.origin);
      return session.connect(check.origin);
    },
  };
}

export function ServerField(props: { choice: ServerChoice }): ReactElement {
  const { t } = useTranslation();
  return (
    <TextField
      label={t("fields.server")}
      value={props.choice.value}
      onChangeText={props.choice.setValue}
      error={props.choice.error}
      help={t("serverUrl.help")}
      autoCapitalize="none"
      autoComplete="url"
      keyboardType="url"
      inputMode="url"
      textContentType="URL"
      placeholder="https://fit.example.com"
    />
  );
}
