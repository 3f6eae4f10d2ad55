import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import { moodCreateSchema, moodPatchSchema } from "@fitcoach/contract";
import type { DayCard, MoodEntry } from "@fitcoach/contract";

import { useFormSubmit } from "../../forms/use-form-submit";
import { ProblemAlert } from "../../ui/problem-alert";
import { SelectField } from "../../ui/select-field";
import { DaySection } from "./day-section";
import { useRefreshDay, useTrackingApi } from "./day-queries";
import { EditForm, EntryActions, useEditSubmit, useEditingEntry } from "./entry-editing";

const SCALE = [1, 2, 3, 4, 5];

/** Lists, logs and edits the day's mood from 1 to 5, with optional energy and stress on that scale. */
export function MoodSection(props: { day: DayCard }): React.JSX.Element {
  const { t } = useTranslation();
  const api = useTrackingApi();
  const { date } = props.day;
  const refreshDay = useRefreshDay(date);
  const [score, setScore] = useState("3");
  const [energy, setEnergy] = useState("");
  const [stress, setStress] = useState("");

  const form = useFormSubmit(moodCreateSchema, async (entry) => {
    await api.entries.mood.create(entry);
    await refreshDay();
  });
  const remove = useMutation({
    mutationFn: (entry: MoodEntry) => api.entries.mood.remove(entry),
    onSettled: refreshDay,
  });
  const editing = useEditingEntry();
  const optionalScale = optionalScaleOptions(t);

  return (
    <DaySection title={t("today.sections.mood.title")}>
      {props.day.mood.length === 0 ? <p className="muted">{t("today.nothingLogged")}</p> : null}
      <ul className="item-list">
        {props.day.mood.map((entry) => {
          const label = describeMood(entry, t);
          return (
            <li key={entry.id} className="item">
              {editing.editingId === entry.id ? (
                <MoodEditForm
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
      <ProblemAlert error={remove.error} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void form.submit({
            date,
            score: Number(score),
            energy: energy === "" ? null : Number(energy),
            stress: stress === "" ? null : Number(stress),
          });
        }}
      >
        <SelectField
          label={t("today.mood.score")}
          value={score}
          onChange={(event) => setScore(event.target.value)}
          options={SCALE.map((value) => ({
            value: String(value),
            label: t("today.scaleOption", { value }),
          }))}
          error={form.fieldErrors.score}
        />
        <SelectField
          label={t("today.mood.energy")}
          value={energy}
          onChange={(event) => setEnergy(event.target.value)}
          options={optionalScale}
          error={form.fieldErrors.energy}
        />
        <SelectField
          label={t("today.mood.stress")}
          value={stress}
          onChange={(event) => setStress(event.target.value)}
          options={optionalScale}
          error={form.fieldErrors.stress}
        />
        <ProblemAlert error={Object.keys(form.fieldErrors).length > 0 ? null : form.error} />
        <button type="submit" className="button button-primary" disabled={form.isPending}>
          {t("today.mood.save")}
        </button>
      </form>
    </DaySection>
  );
}

function describeMood(entry: MoodEntry, t: TFunction): string {
  const parts = [t("today.mood.scoreValue", { value: entry.score })];
  if (entry.energy !== null) parts.push(t("today.mood.energyValue", { value: entry.energy }));
  if (entry.stress !== null) parts.push(t("today.mood.stressValue", { value: entry.stress }));
  return parts.join(" · ");
}

function optionalScaleOptions(t: TFunction): { value: string; label: string }[] {
  return [
    { value: "", label: t("common.notSet") },
    ...SCALE.map((value) => ({ value: String(value), label: t("today.scaleOption", { value }) })),
  ];
}

function MoodEditForm(props: {
  entry: MoodEntry;
  label: string;
  refreshDay: () => Promise<void>;
  onDone(): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const api = useTrackingApi();
  const { entry } = props;
  const [score, setScore] = useState(String(entry.score));
  const [energy, setEnergy] = useState(entry.energy === null ? "" : String(entry.energy));
  const [stress, setStress] = useState(entry.stress === null ? "" : String(entry.stress));
  const form = useEditSubmit(
    moodPatchSchema,
    async (patch) => {
      await api.entries.mood.update(entry, patch);
      await props.refreshDay();
      props.onDone();
    },
    props.refreshDay,
  );
  const optionalScale = optionalScaleOptions(t);

  return (
    <EditForm
      label={props.label}
      form={form}
      onSubmit={() =>
        void form.submit({
          score: Number(score),
          energy: energy === "" ? null : Number(energy),
          stress: stress === "" ? null : Number(stress),
        })
      }
      onCancel={props.onDone}
    >
      <SelectField
        label={t("today.mood.score")}
        value={score}
        onChange={(event) => setScore(event.target.value)}
        options={SCALE.map((value) => ({
          value: String(value),
          label: t("today.scaleOption", { value }),
        }))}
        error={form.fieldErrors.score}
      />
      <SelectField
        label={t("today.mood.energy")}
        value={energy}
        onChange={(event) => setEnergy(event.target.value)}
        options={optionalScale}
        error={form.fieldErrors.energy}
      />
      <SelectField
        label={t("today.mood.stress")}
        value={stress}
        onChange={(event) => setStress(event.target.value)}
        options={optionalScale}
        error={form.fieldErrors.stress}
      />
    </EditForm>
  );
}
