import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import { moodCreateSchema, moodPatchSchema } from "@fitcoach/contract";
import type { DayCard, MoodEntry } from "@fitcoach/contract";

import { useFormSubmit } from "../../forms/use-form-submit";
import type { FieldErrors } from "../../forms/validation";
import { ProblemAlert } from "../../ui/problem-alert";
import { SelectField } from "../../ui/select-field";
import { AddForm } from "./add-form";
import { DaySection } from "./day-section";
import { useRefreshDay, useTrackingApi } from "./day-queries";
import { EditForm } from "./entry-editing";
import { EntryList } from "./entry-list";
import type { EntryEditProps } from "./entry-list";
import { useEntryEditSubmit, useFieldTexts, useRemoveEntry } from "./use-entry-form";
import type { FieldTexts } from "./use-entry-form";

const SCALE = [1, 2, 3, 4, 5];

/** Text of each mood field as selected; energy and stress are "" when not set. */
type MoodTexts = { score: string; energy: string; stress: string };

function moodValuesOf(texts: MoodTexts): Record<string, unknown> {
  return {
    score: Number(texts.score),
    energy: texts.energy === "" ? null : Number(texts.energy),
    stress: texts.stress === "" ? null : Number(texts.stress),
  };
}

/** Lists, logs and edits the day's mood from 1 to 5, with optional energy and stress on that scale. */
export function MoodSection(props: { day: DayCard }): React.JSX.Element {
  const { t } = useTranslation();
  const api = useTrackingApi();
  const { date } = props.day;
  const refreshDay = useRefreshDay(date);
  const fields = useFieldTexts<MoodTexts>({ score: "3", energy: "", stress: "" });

  const form = useFormSubmit(moodCreateSchema, async (entry) => {
    await api.entries.mood.create(entry);
    await refreshDay();
  });
  const remove = useRemoveEntry((entry: MoodEntry) => api.entries.mood.remove(entry), refreshDay);

  return (
    <DaySection title={t("today.sections.mood.title")}>
      <EntryList
        entries={props.day.mood}
        emptyText={t("today.nothingLogged")}
        labelOf={(entry) => describeMood(entry, t)}
        renderEditForm={(edit) => <MoodEditForm {...edit} />}
        refreshDay={refreshDay}
        isDeleting={remove.isPending}
        onDelete={(entry) => remove.mutate(entry)}
      />
      <ProblemAlert error={remove.error} />
      <AddForm
        form={form}
        onSubmit={() => void form.submit({ date, ...moodValuesOf(fields.texts) })}
        submitText={t("today.mood.save")}
      >
        <MoodFields fields={fields} errors={form.fieldErrors} />
      </AddForm>
    </DaySection>
  );
}

function describeMood(entry: MoodEntry, t: TFunction): string {
  const parts = [t("today.mood.scoreValue", { value: entry.score })];
  if (entry.energy !== null) parts.push(t("today.mood.energyValue", { value: entry.energy }));
  if (entry.stress !== null) parts.push(t("today.mood.stressValue", { value: entry.stress }));
  return parts.join(" · ");
}

function MoodFields(props: {
  fields: FieldTexts<MoodTexts>;
  errors: FieldErrors;
}): React.JSX.Element {
  const { t } = useTranslation();
  const { texts, setText } = props.fields;
  const scale = SCALE.map((value) => ({
    value: String(value),
    label: t("today.scaleOption", { value }),
  }));
  const optionalScale = [{ value: "", label: t("common.notSet") }, ...scale];

  return (
    <>
      <SelectField
        label={t("today.mood.score")}
        value={texts.score}
        onChange={(event) => setText("score", event.target.value)}
        options={scale}
        error={props.errors.score}
      />
      <SelectField
        label={t("today.mood.energy")}
        value={texts.energy}
        onChange={(event) => setText("energy", event.target.value)}
        options={optionalScale}
        error={props.errors.energy}
      />
      <SelectField
        label={t("today.mood.stress")}
        value={texts.stress}
        onChange={(event) => setText("stress", event.target.value)}
        options={optionalScale}
        error={props.errors.stress}
      />
    </>
  );
}

function MoodEditForm(props: EntryEditProps<MoodEntry>): React.JSX.Element {
  const api = useTrackingApi();
  const { entry } = props;
  const fields = useFieldTexts<MoodTexts>({
    score: String(entry.score),
    energy: entry.energy === null ? "" : String(entry.energy),
    stress: entry.stress === null ? "" : String(entry.stress),
  });
  const form = useEntryEditSubmit(moodPatchSchema, props, (patch) =>
    api.entries.mood.update(entry, patch),
  );

  return (
    <EditForm
      label={props.label}
      form={form}
      onSubmit={() => void form.submit(moodValuesOf(fields.texts))}
      onCancel={props.onDone}
    >
      <MoodFields fields={fields} errors={form.fieldErrors} />
    </EditForm>
  );
}
