import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { waterCreateSchema } from "@fitcoach/contract";
import type { DayCard, WaterEntry } from "@fitcoach/contract";

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

/** Amounts of the quick-add buttons, in millilitres: a glass, a large glass and a bottle. */
const QUICK_AMOUNTS_ML = [250, 500, 750];

const waterAmountSchema = waterCreateSchema.pick({ ml: true });

/** Water of the day: quick-add buttons, a custom amount, and the entries with edit and delete. */
export function WaterSection(props: { day: DayCard }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const api = useTrackingApi();
  const refreshDay = useRefreshDay(props.day.date);
  const { date, water } = props.day;
  const [amount, setAmount] = useState("");

  const quickAdd = useMutation({
    mutationFn: (ml: number) => api.entries.water.create({ date, ml }),
    onSettled: refreshDay,
  });
  const remove = useRemoveEntry((entry: WaterEntry) => api.entries.water.remove(entry), refreshDay);
  const custom = useFormSubmit(waterCreateSchema, async (entry) => {
    await api.entries.water.create(entry);
    setAmount("");
    await refreshDay();
  });
  const language = i18n.language;

  return (
    <DaySection title={t("today.sections.water.title")}>
      <p className="day-total" aria-live="polite">
        {t("today.water.total", {
          total: formatAmount(water.totalMl, language),
          goal: formatAmount(water.goalMl, language),
        })}
      </p>
      <progress
        className="day-progress"
        max={Math.max(water.goalMl, 1)}
        value={Math.min(water.totalMl, water.goalMl)}
        aria-label={t("today.water.progress")}
      />
      <div className="button-row quick-add">
        {QUICK_AMOUNTS_ML.map((ml) => (
          <button
            key={ml}
            type="button"
            className="button"
            disabled={quickAdd.isPending}
            onClick={() => quickAdd.mutate(ml)}
          >
            {t("today.water.add", { amount: formatAmount(ml, language) })}
          </button>
        ))}
      </div>
      <ProblemAlert error={quickAdd.error ?? remove.error} />
      <AmountAddForm
        form={custom}
        field="ml"
        label={t("today.water.customAmount")}
        value={amount}
        onChange={setAmount}
        onSubmit={() => void custom.submit({ date, ml: parseNumberInput(amount) })}
        submitText={t("today.water.addCustom")}
      />
      {water.entries.length > 0 ? (
        <EntryList
          entries={water.entries}
          listLabel={t("today.water.entries")}
          labelOf={(entry) => t("units.ml", { value: formatAmount(entry.ml, language) })}
          renderEditForm={(edit) => <WaterEditForm {...edit} />}
          refreshDay={refreshDay}
          isDeleting={remove.isPending}
          onDelete={(entry) => remove.mutate(entry)}
        />
      ) : null}
    </DaySection>
  );
}

function WaterEditForm(props: EntryEditProps<WaterEntry>): React.JSX.Element {
  const { t } = useTranslation();
  const api = useTrackingApi();
  const [amount, setAmount] = useState(String(props.entry.ml));
  const form = useEntryEditSubmit(waterAmountSchema, props, (patch) =>
    api.entries.water.update(props.entry, patch),
  );

  return (
    <EditForm
      label={props.label}
      form={form}
      onSubmit={() => void form.submit({ ml: parseNumberInput(amount) })}
      onCancel={props.onDone}
    >
      <AmountField
        label={t("today.water.amount")}
        value={amount}
        onChange={setAmount}
        error={form.fieldErrors.ml}
      />
    </EditForm>
  );
}
