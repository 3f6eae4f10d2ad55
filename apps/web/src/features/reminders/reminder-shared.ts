import { useTranslation } from "react-i18next";

import type { ProblemMessages } from "../../ui/problem-alert";

export const REMINDER_RULES_QUERY_KEY = ["reminders", "rules"] as const;
export const REMINDER_SETTINGS_QUERY_KEY = ["reminders", "settings"] as const;

/** Formats an instant as a weekday, date and time in the user's time zone, not the browser's. */
export function formatInstantIn(instant: string, language: string, timeZone: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return new Intl.DateTimeFormat(language, {
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "numeric",
    minute: "2-digit",
    timeZone,
  }).format(date);
}

/** Messages for refusals whose cause is known on the reminder screens. */
export function useReminderMessages(): ProblemMessages {
  const { t } = useTranslation();
  return {
    "email-not-verified": t("reminders.emailNotVerified"),
    "precondition-failed": t("reminders.changedElsewhere"),
    conflict: t("reminders.tooMany"),
  };
}
