import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { stepsCreateSchema } from "@fitcoach/contract";
import type { DayCard, StepsEntry } from "@fitcoach/contract";

import { useFormSubmit } from "../../forms/use-form-submit";
import { ProblemAlert } from "../../ui/problem-alert";
import { TextField } from "../../ui/text-field";
import { DaySection } from "./day-section";
import { useRefreshDay, useTrackingApi } from "./day-queries";
import { EditForm, EntryActions, useEditSubmit, useEditingEntry } from "./entry-editing";
import { formatAmount, parseNumberInput } from "./number-input";

const stepsCountSchema = stepsCreateSchema.pick({ count: true });

/** Steps of the day: the total against the goal, the entries with edit and delete, and a form. */
export function StepsSection(props: { day: DayCard }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const api = useTrackingApi();
  const { date, steps } = props.day;
  const refreshDay = useRefreshDay(date);
  const [count, setCount] = useState("");
  const language = i18n.language;
  const goal = props.day.goals.find((item) => item.goal === "steps")?.target ?? null;

  const form = useFormSubmit(stepsCreateSchema, async (entry) => {
    await api.entries.steps.create(entry);
    setCount("");
    await refreshDay();
  });
  const remove = useMutation({
    mutationFn: (entry: StepsEntry) => api.entries.steps.remove(entry),
    onSettled: refreshDay,
  });
  const editing = useEditingEntry();

  return (
    <DaySection title={t("today.sections.steps.title")}>
      <p className="day-total" aria-live="polite">
        {goal === null
          ? t("today.steps.total", { total: formatAmount(steps.total, language) })
          : t("today.steps.totalOfGoal", {
              total: formatAmount(steps.total, language),
              goal: formatAmount(goal, language),
            })}
      </p>
      {steps.entries.length > 0 ? (
        <ul className="item-list" aria-label={t("today.steps.entries")}>
          {steps.entries.map((entry) => {
            const label = t("today.steps.count", { count: formatAmount(entry.count, language) });
            return (
              <li key={entry.id} className="item">
                {editing.editingId === entry.id ? (
                  <StepsEditForm
                    entry={entry}
                    label={label}
                    refreshDay={refreshDay}
                    onDone={editing.stop}
                  />
                ) : (
                  <>
                    <p>{label}</p>
                    <EntryActions
                      label={label}
                      editButtonRef={editing.editButtonRef(entry.id)}
                      isDeleting={remove.isPending}
                      onEdit={() => editing.start(entry.id)}
                      onDelete={() => remove.mutate(entry)}
                    />
                  </>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
      <ProblemAlert error={remove.error} />
      <form
        noValidate
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          void form.submit({ date, count: parseNumberInput(count) });
        }}
      >
        <TextField
          label={t("today.steps.countLabel")}
          inputMode="numeric"
          autoComplete="off"
          value={count}
          onChange={(event) => setCount(event.target.value)}
          error={form.fieldErrors.count}
        />
        <button type="submit" className="button" disabled={form.isPending}>
          {t("today.steps.add")}
        </button>
        <ProblemAlert error={form.fieldErrors.count ? null : form.error} />
      </form>
    </DaySection>
  );
}

function StepsEditForm(props: {
  entry: StepsEntry;
  label: string;
  refreshDay: () => Promise<void>;
  onDone(): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const api = useTrackingApi();
  const [count, setCount] = useState(String(props.entry.count));
  const form = useEditSubmit(
    stepsCountSchema,
    async (patch) => {
      await api.entries.steps.update(props.entry, patch);
      await props.refreshDay();
      props.onDone();
    },
    props.refreshDay,
  );

  return (
    <EditForm
      label={props.label}
      form={form}
      onSubmit={() => void form.submit({ count: parseNumberInput(count) })}
      onCancel={props.onDone}
    >
      <TextField
        label={t("today.steps.countLabel")}
        inputMode="numeric"
        autoComplete="off"
        value={count}
        onChange={(event) => setCount(event.target.value)}
        error={form.fieldErrors.count}
      />
    </EditForm>
  );
}
