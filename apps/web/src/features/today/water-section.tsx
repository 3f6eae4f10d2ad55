import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { waterCreateSchema } from "@fitcoach/contract";
import type { DayCard, WaterEntry } from "@fitcoach/contract";

import { useFormSubmit } from "../../forms/use-form-submit";
import { ProblemAlert } from "../../ui/problem-alert";
import { TextField } from "../../ui/text-field";
import { DaySection } from "./day-section";
import { useRefreshDay, useTrackingApi } from "./day-queries";
import { EditForm, EntryActions, useEditSubmit, useEditingEntry } from "./entry-editing";
import { formatAmount, parseNumberInput } from "./number-input";

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
  const remove = useMutation({
    mutationFn: (entry: WaterEntry) => api.entries.water.remove(entry),
    onSettled: refreshDay,
  });
  const custom = useFormSubmit(waterCreateSchema, async (entry) => {
    await api.entries.water.create(entry);
    setAmount("");
    await refreshDay();
  });
  const editing = useEditingEntry();
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
      <form
        noValidate
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          void custom.submit({ date, ml: parseNumberInput(amount) });
        }}
      >
        <TextField
          label={t("today.water.customAmount")}
          inputMode="numeric"
          autoComplete="off"
          value={amount}
          onChange={(event) => setAmount(event.target.value)}
          error={custom.fieldErrors.ml}
        />
        <button type="submit" className="button" disabled={custom.isPending}>
          {t("today.water.addCustom")}
        </button>
        <ProblemAlert error={custom.fieldErrors.ml ? null : custom.error} />
      </form>
      {water.entries.length > 0 ? (
        <ul className="item-list" aria-label={t("today.water.entries")}>
          {water.entries.map((entry) => {
            const label = t("units.ml", { value: formatAmount(entry.ml, language) });
            return (
              <li key={entry.id} className="item">
                {editing.editingId === entry.id ? (
                  <WaterEditForm
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
    </DaySection>
  );
}

function WaterEditForm(props: {
  entry: WaterEntry;
  label: string;
  refreshDay: () => Promise<void>;
  onDone(): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const api = useTrackingApi();
  const [amount, setAmount] = useState(String(props.entry.ml));
  const form = useEditSubmit(
    waterAmountSchema,
    async (patch) => {
      await api.entries.water.update(props.entry, patch);
      await props.refreshDay();
      props.onDone();
    },
    props.refreshDay,
  );

  return (
    <EditForm
      label={props.label}
      form={form}
      onSubmit={() => void form.submit({ ml: parseNumberInput(amount) })}
      onCancel={props.onDone}
    >
      <TextField
        label={t("today.water.amount")}
        inputMode="numeric"
        autoComplete="off"
        value={amount}
        onChange={(event) => setAmount(event.target.value)}
        error={form.fieldErrors.ml}
      />
    </EditForm>
  );
}
