import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { NetworkError, ProblemError, retryAfterSeconds } from "@fitcoach/client";
import type { ProblemCode } from "@fitcoach/contract";

import { Alert } from "./alert";

/**
 * Messages that replace the general one for some problem codes, for forms where the code has one
 * known cause. The API answers a wrong current password with a plain 403 `forbidden`, for example.
 */
export type ProblemMessages = Partial<Record<ProblemCode, string>>;

/** Shows why a request failed, in the reader's language, or nothing when there is no error. */
export function ProblemAlert(props: {
  error: unknown;
  messages?: ProblemMessages;
}): React.JSX.Element | null {
  const { t } = useTranslation();
  if (!props.error) return null;
  return <Alert tone="error">{describeError(props.error, t, props.messages)}</Alert>;
}

export function describeError(error: unknown, t: TFunction, messages?: ProblemMessages): string {
  if (error instanceof NetworkError) return t("problems.network");
  if (!(error instanceof ProblemError)) return t("problems.unknown");

  const specific = error.code ? messages?.[error.code] : undefined;
  if (specific) return specific;
  if (error.code === "rate-limited") {
    return t("problems.rate-limited", { seconds: retryAfterSeconds(error.headers) });
  }
  if (error.code) return t(`problems.${error.code}`, { defaultValue: error.message });
  return error.problem.detail ?? t("problems.unknown");
}
