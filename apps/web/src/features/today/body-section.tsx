import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { bodyCreateSchema } from "@fitcoach/contract";
import type { BodyEntry, DayCard, Me } from "@fitcoach/contract";

import { useFormSubmit } from "../../forms/use-form-submit";
import { ProblemAlert } from "../../ui/problem-alert";
import { TextField } from "../../ui/text-field";
import { DaySection } from "./day-section";
import { useRefreshDay, useTrackingApi } from "./day-queries";
import { formatAmount, parseNumberInput } from "./number-input";

/** Lists and logs the day's weight in the user's units (kg for metric, lb for imperial). */
export function BodySection(props: { day: DayCard; units: Me["units"] }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const api = useTrackingApi();
  const { date } = props.day;
  const refreshDay = useRefreshDay(date);
  const isImperial = props.units === "imperial";
  const [weight, setWeight] = useState("");

  const form = useFormSubmit(bodyCreateSchema, async (entry) => {
    await api.entries.body.create(entry);
    setWeight("");
    await refreshDay();
  });
  const remove = useMutation({
    mutationFn: (entry: BodyEntry) => api.entries.body.remove(entry),
    onSettled: refreshDay,
  });
  const entries = props.day.body.filter((entry) => entry.weightKg !== null);

  function describe(entry: BodyEntry): string {
    const value = isImperial ? entry.weightLb : entry.weightKg;
    const text = formatAmount(value ?? 0, i18n.language, 1);
    return isImperial ? t("today.body.lb", { value: text }) : t("units.kg", { value: text });
  }

  return (
    <DaySection title={t("today.sections.body.title")}>
      {entries.length === 0 ? <p className="muted">{t("today.nothingLogged")}</p> : null}
      <ul className="item-list">
        {entries.map((entry) => (
          <li key={entry.id} className="item">
            <p>{describe(entry)}</p>
            <button
              type="button"
              className="button button-danger"
              disabled={remove.isPending}
              onClick={() => remove.mutate(entry)}
            >
              {t("today.delete")}
              <span className="visually-hidden"> {describe(entry)}</span>
            </button>
          </li>
        ))}
      </ul>
      <ProblemAlert error={remove.error} />
      <form
        noValidate
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          const value = parseNumberInput(weight);
          void form.submit(isImperial ? { date, weightLb: value } : { date, weightKg: value });
        }}
      >
        <TextField
          label={isImperial ? t("today.body.weightLb") : t("today.body.weightKg")}
          inputMode="decimal"
          autoComplete="off"
          value={weight}
          onChange={(event) => setWeight(event.target.value)}
          error={
            form.fieldErrors.weightKg ??
            form.fieldErrors.weightLb ??
            // The schema reports "send at least one measurement" at the form level when the field is empty.
            (form.fieldErrors[""] ? t("validation.required") : undefined)
          }
        />
        <button type="submit" className="button" disabled={form.isPending}>
          {t("today.body.save")}
        </button>
        <ProblemAlert error={Object.keys(form.fieldErrors).length > 0 ? null : form.error} />
      </form>
    </DaySection>
  );
}
