import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { ProblemError } from "@fitcoach/client";

import { Alert } from "../../ui/alert";
import { ProblemAlert } from "../../ui/problem-alert";
import type { ProblemMessages } from "../../ui/problem-alert";

/** Profile fields the coach's targets need, with the catalog key of their label. */
const PROFILE_FIELD_KEYS: Record<string, string> = {
  birthDate: "fields.birthDate",
  sex: "fields.sex",
  heightCm: "fields.heightCm",
  activityLevel: "fields.activityLevel",
  weightKg: "coach.missing.weight",
};

/**
 * Shows why a coach request failed. A 422 that lists missing profile fields names them and links
 * to the settings, because the coach cannot compute targets without them. Anything else gets the
 * general problem message.
 */
export function CoachProblem(props: {
  error: unknown;
  messages?: ProblemMessages;
}): React.JSX.Element | null {
  const { t } = useTranslation();
  const missing = missingProfileFields(props.error);
  if (missing.length === 0) return <ProblemAlert error={props.error} messages={props.messages} />;

  return (
    <Alert tone="error" title={t("coach.missing.title")}>
      <ul>
        {missing.map((field) => (
          <li key={field}>{t(PROFILE_FIELD_KEYS[field] ?? "coach.missing.weight")}</li>
        ))}
      </ul>
      <p>
        <Link to="/settings">{t("coach.missing.toSettings")}</Link>
      </p>
    </Alert>
  );
}

/** Returns the profile fields a 422 from the coach names as missing, or none. */
export function missingProfileFields(error: unknown): string[] {
  if (!(error instanceof ProblemError) || error.code !== "unprocessable-content") return [];
  return error.fieldErrors
    .map((item) => item.field)
    .filter((field) => Object.hasOwn(PROFILE_FIELD_KEYS, field));
}
