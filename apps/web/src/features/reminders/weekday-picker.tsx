import { useId } from "react";
import { useTranslation } from "react-i18next";
import { ALL_WEEKDAYS } from "@fitcoach/contract";

/** A fixed Monday; ISO weekday n is this date plus n − 1 days, for the browser's day names. */
const A_MONDAY = Date.UTC(2024, 0, 1);
const DAY_MS = 86_400_000;

/** Returns the name of an ISO weekday (1 = Monday) in the reader's language. */
export function weekdayName(isoWeekday: number, language: string, width: "long" | "short"): string {
  return new Intl.DateTimeFormat(language, { weekday: width, timeZone: "UTC" }).format(
    new Date(A_MONDAY + (isoWeekday - 1) * DAY_MS),
  );
}

/** Orders the week from the user's first day: Monday, or Sunday when the week starts then. */
export function orderedWeekdays(weekStartsOn: "monday" | "sunday"): number[] {
  return weekStartsOn === "sunday" ? [7, 1, 2, 3, 4, 5, 6] : [...ALL_WEEKDAYS];
}

/** Checkboxes for the ISO weekdays a rule fires on. */
export function WeekdayPicker(props: {
  value: number[];
  weekStartsOn: "monday" | "sunday";
  error?: string;
  onChange(value: number[]): void;
}): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const errorId = useId();

  function toggle(day: number, isChecked: boolean): void {
    const next = isChecked ? [...props.value, day] : props.value.filter((value) => value !== day);
    props.onChange([...new Set(next)].sort((left, right) => left - right));
  }

  return (
    <fieldset
      className="checkbox-group weekdays"
      aria-describedby={props.error ? errorId : undefined}
    >
      <legend>{t("reminders.fields.weekdays")}</legend>
      {orderedWeekdays(props.weekStartsOn).map((day) => (
        <label key={day} className="checkbox">
          <input
            type="checkbox"
            checked={props.value.includes(day)}
            onChange={(event) => toggle(day, event.target.checked)}
          />
          <span aria-hidden="true">{weekdayName(day, i18n.language, "short")}</span>
          <span className="visually-hidden">{weekdayName(day, i18n.language, "long")}</span>
        </label>
      ))}
      {props.error ? (
        <p id={errorId} className="field-error">
          {props.error}
        </p>
      ) : null}
    </fieldset>
  );
}
