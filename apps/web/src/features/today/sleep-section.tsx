import { useTranslation } from "react-i18next";
import { sleepCreateSchema, sleepPatchSchema } from "@fitcoach/contract";
import type { DayCard, SleepEntry } from "@fitcoach/contract";

import { useFormSubmit } from "../../forms/use-form-submit";
import type { FieldErrors } from "../../forms/validation";
import { ProblemAlert } from "../../ui/problem-alert";
import { SelectField } from "../../ui/select-field";
import { TextField } from "../../ui/text-field";
import { AddForm } from "./add-form";
import { DaySection } from "./day-section";
import { useRefreshDay, useTrackingApi } from "./day-queries";
import { EditForm } from "./entry-editing";
import { EntryList } from "./entry-list";
import type { EntryEditProps } from "./entry-list";
import { addDays } from "./local-date";
import { useEntryEditSubmit, useFieldTexts, useRemoveEntry } from "./use-entry-form";
import type { FieldTexts } from "./use-entry-form";

const QUALITIES = [1, 2, 3, 4, 5];

/** Text of each sleep field as typed; the quality is a select's value. */
type SleepTexts = { bedtime: string; wakeTime: string; quality: string };

function sleepValuesOf(texts: SleepTexts): Record<string, unknown> {
  return { bedtime: texts.bedtime, wakeTime: texts.wakeTime, quality: Number(texts.quality) };
}

/** Lists, logs and edits the night that ended on this day: bedtime, wake time and quality. */
export function SleepSection(props: { day: DayCard }): React.JSX.Element {
  const { t } = useTranslation();
  const api = useTrackingApi();
  const { date } = props.day;
  const refreshDay = useRefreshDay(date);
  // A night belongs to the day it ends on, so the defaults run from the evening before.
  const fields = useFieldTexts<SleepTexts>({
    bedtime: `${addDays(date, -1)}T23:00`,
    wakeTime: `${date}T07:00`,
    quality: "3",
  });

  const form = useFormSubmit(sleepCreateSchema, async (entry) => {
    await api.entries.sleep.create(entry);
    await refreshDay();
  });
  const remove = useRemoveEntry((entry: SleepEntry) => api.entries.sleep.remove(entry), refreshDay);

  return (
    <DaySection title={t("today.sections.sleep.title")}>
      <EntryList
        entries={props.day.sleep}
        emptyText={t("today.nothingLogged")}
        labelOf={(entry) =>
          t("today.sleep.entry", {
            hours: Math.floor(entry.durationMin / 60),
            minutes: entry.durationMin % 60,
            quality: entry.quality,
          })
        }
        renderText={(entry, label) => (
          <div>
            <p className="item-title">{label}</p>
            <p className="item-meta">
              {t("today.sleep.range", {
                bedtime: entry.bedtime.slice(11, 16),
                wakeTime: entry.wakeTime.slice(11, 16),
              })}
            </p>
          </div>
        )}
        renderEditForm={(edit) => <SleepEditForm {...edit} />}
        refreshDay={refreshDay}
        isDeleting={remove.isPending}
        onDelete={(entry) => remove.mutate(entry)}
      />
      <ProblemAlert error={remove.error} />
      <AddForm
        form={form}
        onSubmit={() => void form.submit(sleepValuesOf(fields.texts))}
        submitText={t("today.sleep.save")}
      >
        <SleepFields fields={fields} errors={form.fieldErrors} />
      </AddForm>
    </DaySection>
  );
}

function SleepFields(props: {
  fields: FieldTexts<SleepTexts>;
  errors: FieldErrors;
}): React.JSX.Element {
  const { t } = useTranslation();
  const { texts, setText } = props.fields;

  return (
    <>
      <TextField
        label={t("today.sleep.bedtime")}
        type="datetime-local"
        value={texts.bedtime}
        onChange={(event) => setText("bedtime", event.target.value)}
        error={props.errors.bedtime}
      />
      <TextField
        label={t("today.sleep.wakeTime")}
        type="datetime-local"
        value={texts.wakeTime}
        onChange={(event) => setText("wakeTime", event.target.value)}
        error={props.errors.wakeTime}
      />
      <SelectField
        label={t("today.sleep.quality")}
        value={texts.quality}
        onChange={(event) => setText("quality", event.target.value)}
        options={QUALITIES.map((value) => ({
          value: String(value),
          label: t("today.scaleOption", { value }),
        }))}
        error={props.errors.quality}
      />
    </>
  );
}

function SleepEditForm(props: EntryEditProps<SleepEntry>): React.JSX.Element {
  const api = useTrackingApi();
  // The inputs take minutes at most, while stored times may carry seconds.
  const fields = useFieldTexts<SleepTexts>({
    bedtime: props.entry.bedtime.slice(0, 16),
    wakeTime: props.entry.wakeTime.slice(0, 16),
    quality: String(props.entry.quality),
  });
  const form = useEntryEditSubmit(sleepPatchSchema, props, (patch) =>
    api.entries.sleep.update(props.entry, patch),
  );

  return (
    <EditForm
      label={props.label}
      form={form}
      onSubmit={() => void form.submit(sleepValuesOf(fields.texts))}
      onCancel={props.onDone}
    >
      <SleepFields fields={fields} errors={form.fieldErrors} />
    </EditForm>
  );
}
