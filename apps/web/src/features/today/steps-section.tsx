import { useState } from "react";
import { useTranslation } from "react-i18next";
import { stepsCreateSchema } from "@fitcoach/contract";
import type { DayCard, StepsEntry } from "@fitcoach/contract";

import { useFormSubmit } from "../../forms/use-form-submit";
import { ProblemAlert } from "../../ui/problem-alert";
import { AmountAddForm, AmountField } from "./add-form";
import { DaySection } from "./day-section";
import { useRefreshDay, useTrackingApi } from "./day-queries";
import { EditForm } from "./entry-editing";
import { EntryList } from "./entry-list";
import type { EntryEditProps } from "./entry-list";
import { formatAmount, parseNumberInput } from "./number-input";
import { useEntryEditSubmit, useRemoveEntry } from "./use-entry-form";

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
  const remove = useRemoveEntry((entry: StepsEntry) => api.entries.steps.remove(entry), refreshDay);

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
        <EntryList
          entries={steps.entries}
          listLabel={t("today.steps.entries")}
          labelOf={(entry) =>
            t("today.steps.count", { count: formatAmount(entry.count, language) })
          }
          renderEditForm={(edit) => <StepsEditForm {...edit} />}
          refreshDay={refreshDay}
          isDeleting={remove.isPending}
          onDelete={(entry) => remove.mutate(entry)}
        />
      ) : null}
      <ProblemAlert error={remove.error} />
      <AmountAddForm
        form={form}
        field="count"
        label={t("today.steps.countLabel")}
        value={count}
        onChange={setCount}
        onSubmit={() => void form.submit({ date, count: parseNumberInput(count) })}
        submitText={t("today.steps.add")}
      />
    </DaySection>
  );
}

function StepsEditForm(props: EntryEditProps<StepsEntry>): React.JSX.Element {
  const { t } = useTranslation();
  const api = useTrackingApi();
  const [count, setCount] = useState(String(props.entry.count));
  const form = useEntryEditSubmit(stepsCountSchema, props, (patch) =>
    api.entries.steps.update(props.entry, patch),
  );

  return (
    <EditForm
      label={props.label}
      form={form}
      onSubmit={() => void form.submit({ count: parseNumberInput(count) })}
      onCancel={props.onDone}
    >
      <AmountField
        label={t("today.steps.countLabel")}
        value={count}
        onChange={setCount}
        error={form.fieldErrors.count}
      />
    </EditForm>
  );
}
