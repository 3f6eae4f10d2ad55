import { useId, useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { reminderSettingsPatchSchema } from "@fitcoach/contract";
import type { Me, ReminderSettings, ReminderSettingsPatch } from "@fitcoach/contract";

import { Alert } from "../../ui/alert";
import { ProblemAlert } from "../../ui/problem-alert";
import { TextField } from "../../ui/text-field";
import { REMINDER_SETTINGS_QUERY_KEY, useReminderMessages } from "./reminder-shared";
import { useRemindersApi } from "./use-reminders-api";

/** Quiet hours, which hold interval reminders, and the weekly summary email. */
export function QuietHoursForm(props: { settings: ReminderSettings; me: Me }): React.JSX.Element {
  const { t } = useTranslation();
  const remindersApi = useRemindersApi();
  const queryClient = useQueryClient();
  const messages = useReminderMessages();
  const headingId = useId();
  const quietId = useId();
  const weeklyId = useId();
  const { settings, me } = props;
  const [isQuiet, setQuiet] = useState(settings.quietHours.enabled);
  const [start, setStart] = useState(settings.quietHours.start);
  const [end, setEnd] = useState(settings.quietHours.end);
  const [weeklySummary, setWeeklySummary] = useState(settings.weeklySummary);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [isSaved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (patch: ReminderSettingsPatch) =>
      remindersApi.updateSettings(settings.version, patch),
    onSuccess: (updated) => {
      setSaved(true);
      queryClient.setQueryData(REMINDER_SETTINGS_QUERY_KEY, updated);
    },
  });

  function submit(): void {
    setSaved(false);
    const parsed = reminderSettingsPatchSchema.safeParse({
      quietHours: { enabled: isQuiet, start, end },
      weeklySummary,
    });
    if (!parsed.success) {
      setFieldError(start === end ? t("reminders.errors.quietSame") : t("reminders.errors.time"));
      return;
    }
    setFieldError(null);
    save.mutate(parsed.data);
  }

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("reminders.quiet.title")}</h2>
      <p>{t("reminders.quiet.help")}</p>
      <form
        noValidate
        aria-labelledby={headingId}
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <div className="field field-checkbox">
          <input
            id={quietId}
            type="checkbox"
            checked={isQuiet}
            onChange={(event) => setQuiet(event.target.checked)}
          />
          <label htmlFor={quietId}>{t("reminders.quiet.enabled")}</label>
        </div>
        <div className="field-row">
          <TextField
            label={t("reminders.quiet.start")}
            type="time"
            value={start}
            onChange={(event) => setStart(event.target.value)}
          />
          <TextField
            label={t("reminders.quiet.end")}
            type="time"
            value={end}
            onChange={(event) => setEnd(event.target.value)}
            error={fieldError ?? undefined}
          />
        </div>
        <div className="field field-checkbox">
          <input
            id={weeklyId}
            type="checkbox"
            checked={weeklySummary}
            aria-describedby={`${weeklyId}-hint`}
            onChange={(event) => setWeeklySummary(event.target.checked)}
          />
          <label htmlFor={weeklyId}>{t("reminders.weekly.enabled")}</label>
          <p id={`${weeklyId}-hint`} className="field-hint">
            {t("reminders.weekly.help")}
            {me.emailVerified ? null : ` ${t("reminders.emailNeedsVerification")}`}
          </p>
        </div>
        <ProblemAlert error={save.error} messages={messages} />
        {isSaved ? <Alert tone="success">{t("common.saved")}</Alert> : null}
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {t("common.save")}
        </button>
      </form>
    </section>
  );
}
