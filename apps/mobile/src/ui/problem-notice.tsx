import type { ReactElement } from "react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { NetworkError, ProblemError, problemCodeOf, retryAfterSeconds } from "@fitcoach/client";
import type { ProblemDocument } from "@fitcoach/contract";

import { Notice } from "./notice";

/** Translates an API failure into a sentence for the user; the server's detail is English only. */
export function describeError(error: unknown, t: TFunction): string {
  if (error instanceof NetworkError) return t("problems.network");
  if (error instanceof ProblemError && error.code) {
    return t(`problems.${error.code}`, { seconds: retryAfterSeconds(error.headers) });
  }
  return t("problems.unknown");
}

/** Translates a stored problem document, such as the server's refusal of a queued write. */
export function problemMessage(problem: ProblemDocument, t: TFunction): string {
  const code = problemCodeOf(problem.type);
  return code ? t(`problems.${code}`, { seconds: 1 }) : t("problems.unknown");
}

/** Shows the failure of the last action, or nothing when there was none. */
export function ProblemNotice(props: { error: unknown }): ReactElement | null {
  const { t } = useTranslation();
  if (!props.error) return null;
  return <Notice tone="error">{describeError(props.error, t)}</Notice>;
}
