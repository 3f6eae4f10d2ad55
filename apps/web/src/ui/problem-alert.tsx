import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { NetworkError, ProblemError, retryAfterSeconds } from "@fitcoach/client";

import { Alert } from "./alert";

/** Shows why a request failed, in the reader's language, or nothing when there is no error. */
export function ProblemAlert(props: { error: unknown }): React.JSX.Element | null {
  const { t } = useTranslation();
  if (!props.error) return null;
  return <Alert tone="error">{describeError(props.error, t)}</Alert>;
}

export function describeError(error: unknown, t: TFunction): string {
  if (error instanceof NetworkError) return t("problems.network");
  if (!(error instanceof ProblemError)) return t("problems.unknown");

  if (error.code === "rate-limited") {
    return t("problems.rate-limited", { seconds: retryAfterSeconds(error.headers) });
  }
  if (error.code) return t(`problems.${error.code}`, { defaultValue: error.message });
  return error.problem.detail ?? t("problems.unknown");
}
