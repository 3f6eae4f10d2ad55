import { useId } from "react";
import { useTranslation } from "react-i18next";
import {
  REMINDER_CHANNELS,
  REMINDER_MEAL_TYPES,
  WATER_INTERVAL_MAX_MINUTES,
  WATER_INTERVAL_MIN_MINUTES,
} from "@fitcoach/contract";
import type { ReminderChannel } from "@fitcoach/contract";

import type { FieldErrors } from "../../forms/validation";
import { SelectField } from "../../ui/select-field";
import { TextField } from "../../ui/text-field";
import type { RuleDraft } from "./rule-draft";
import { WeekdayPicker } from "./weekday-picker";

/** Renders the fields of one rule for its kind: times, interval, meal, weekdays, channel, on/off. */
export function RuleFields(props: {
  draft: RuleDraft;
  errors: FieldErrors;
  emailVerified: boolean;
  weekStartsOn: "monday" | "sunday";
  onChange(patch: Partial<RuleDraft>): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const { draft, errors, onChange } = props;
  const enabledId = useId();
  const channelHintId = useId();

  return (
    <>
      {draft.kind === "water" ? (
        <div className="field-row">
          <TextField
            label={t("reminders.fields.startTime")}
            type="time"
            value={draft.startTime}
            onChange={(event) => onChange({ startTime: event.target.value })}
            error={errors.startTime}
          />
          <TextField
            label={t("reminders.fields.endTime")}
            type="time"
            value={draft.endTime}
            onChange={(event) => onChange({ endTime: event.target.value })}
            error={errors.endTime}
          />
          <TextField
            label={t("reminders.fields.interval")}
            type="number"
            inputMode="numeric"
            min={WATER_INTERVAL_MIN_MINUTES}
            max={WATER_INTERVAL_MAX_MINUTES}
            step={5}
            value={draft.intervalMinutes}
            onChange={(event) => onChange({ intervalMinutes: event.target.value })}
            error={errors.intervalMinutes}
          />
        </div>
      ) : (
        <div className="field-row">
          {draft.kind === "meal" ? (
            <SelectField
              label={t("reminders.fields.mealType")}
              value={draft.mealType}
              onChange={(event) =>
                onChange({ mealType: event.target.value as RuleDraft["mealType"] })
              }
              options={REMINDER_MEAL_TYPES.map((value) => ({
                value,
                label: t(`coach.mealSlots.${value}`),
              }))}
            />
          ) : null}
          <TextField
            label={t("reminders.fields.time")}
            type="time"
            value={draft.time}
            onChange={(event) => onChange({ time: event.target.value })}
            error={errors.time}
          />
        </div>
      )}
      <WeekdayPicker
        value={draft.weekdays}
        weekStartsOn={props.weekStartsOn}
        error={errors.weekdays}
        onChange={(weekdays) => onChange({ weekdays })}
      />
      <SelectField
        label={t("reminders.fields.channel")}
        value={draft.channel}
        onChange={(event) => onChange({ channel: event.target.value as ReminderChannel })}
        options={REMINDER_CHANNELS.map((value) => ({
          value,
          label: t(`reminders.channels.${value}.title`),
        }))}
        aria-describedby={channelHintId}
      />
      <p id={channelHintId} className="field-hint channel-hint">
        {t(`reminders.channels.${draft.channel}.hint`)}
        {draft.channel === "email" && !props.emailVerified
          ? ` ${t("reminders.emailNeedsVerification")}`
          : null}
      </p>
      <div className="field field-checkbox">
        <input
          id={enabledId}
          type="checkbox"
          checked={draft.enabled}
          onChange={(event) => onChange({ enabled: event.target.checked })}
        />
        <label htmlFor={enabledId}>{t("reminders.fields.enabled")}</label>
      </div>
    </>
  );
}
