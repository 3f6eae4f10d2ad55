import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { sleepCreateSchema, sleepPatchSchema } from "@fitcoach/contract";
import type { DayCard, SleepEntry } from "@fitcoach/contract";

import { useFormSubmit } from "../../forms/use-form-submit";
import { ProblemAlert } from "../../ui/problem-alert";
import { SelectField } from "../../ui/select-field";
import { TextField } from "../../ui/text-field";
import { DaySection } from "./day-section";
import { useRefreshDay, useTrackingApi } from "./day-queries";
import { EditForm, EntryActions, useEditSubmit, useEditingEntry } from "./entry-editing";
import { addDays } from "./local-date";

const QUALITIES = [1, 2, 3, 4, 5];

/** Lists, logs and edits the night that ended on this day: bedtime, wake time and quality. */
export function SleepSection(props: { day: DayCard }): React.JSX.Element {
  const { t } = useTranslation();
  const api = useTrackingApi();
  const { date } = props.day;
  const refreshDay = useRefreshDay(date);
  // A night belongs to the day it ends on, so the defaults run from the evening before.
  const [bedtime, setBedtime] = useState(`${addDays(date, -1)}T23:00`);
  const [wakeTime, setWakeTime] = useState(`${date}T07:00`);
  const [quality, setQuality] = useState("3");

  const form = useFormSubmit(sleepCreateSchema, async (entry) => {
    await api.entries.sleep.create(entry);
    await refreshDay();
  });
  const remove = useMutation({
    mutationFn: (entry: SleepEntry) => api.entries.sleep.remove(entry),
    onSettled: refreshDay,
  });
  const editing = useEditingEntry();

  return (
    <DaySection title={t("today.sections.sleep.title")}>
      {props.day.sleep.length === 0 ? <p className="muted">{t("today.nothingLogged")}</p> : null}
      <ul className="item-list">
        {props.day.sleep.map((entry) => {
          const label = t("today.sleep.entry", {
            hours: Math.floor(entry.durationMin / 60),
            minutes: entry.durationMin % 60,
            quality: entry.quality,
          });
          return (
            <li key={entry.id} className="item">
              {editing.editingId === entry.id ? (
                <SleepEditForm
                  entry={entry}
                  label={label}
                  refreshDay={refreshDay}
                  onDone={editing.stop}
                />
              ) : (
                <>
                  <div>
                    <p className="item-title">{label}</p>
                    <p className="item-meta">
                      {t("today.sleep.range", {
                        bedtime: entry.bedtime.slice(11, 16),
                        wakeTime: entry.wakeTime.slice(11, 16),
                      })}
                    </p>
                  </div>
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
          void form.submit({ bedtime, wakeTime, quality: Number(quality) });
        }}
      >
        <TextField
          label={t("today.sleep.bedtime")}
          type="datetime-local"
          value={bedtime}
          onChange={(event) => setBedtime(event.target.value)}
          error={form.fieldErrors.bedtime}
        />
        <TextField
          label={t("today.sleep.wakeTime")}
          type="datetime-local"
          value={wakeTime}
          onChange={(event) => setWakeTime(event.target.value)}
          error={form.fieldErrors.wakeTime}
        />
        <SelectField
          label={t("today.sleep.quality")}
          value={quality}
          onChange={(event) => setQuality(event.target.value)}
          options={QUALITIES.map((value) => ({
            value: String(value),
            label: t("today.scaleOption", { value }),
          }))}
          error={form.fieldErrors.quality}
        />
        <ProblemAlert error={Object.keys(form.fieldErrors).length > 0 ? null : form.error} />
        <button type="submit" className="button button-primary" disabled={form.isPending}>
          {t("today.sleep.save")}
        </button>
      </form>
    </DaySection>
  );
}

function SleepEditForm(props: {
  entry: SleepEntry;
  label: string;
  refreshDay: () => Promise<void>;
  onDone(): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const api = useTrackingApi();
  // The inputs take minutes at most, while stored times may carry seconds.
  const [bedtime, setBedtime] = useState(props.entry.bedtime.slice(0, 16));
  const [wakeTime, setWakeTime] = useState(props.entry.wakeTime.slice(0, 16));
  const [quality, setQuality] = useState(String(props.entry.quality));
  const form = useEditSubmit(
    sleepPatchSchema,
    async (patch) => {
      await api.entries.sleep.update(props.entry, patch);
      await props.refreshDay();
      props.onDone();
    },
    props.refreshDay,
  );

  return (
    <EditForm
      label={props.label}
      form={form}
      onSubmit={() => void form.submit({ bedtime, wakeTime, quality: Number(quality) })}
      onCancel={props.onDone}
    >
      <TextField
        label={t("today.sleep.bedtime")}
        type="datetime-local"
        value={bedtime}
        onChange={(event) => setBedtime(event.target.value)}
        error={form.fieldErrors.bedtime}
      />
      <TextField
        label={t("today.sleep.wakeTime")}
        type="datetime-local"
        value={wakeTime}
        onChange={(event) => setWakeTime(event.target.value)}
        error={form.fieldErrors.wakeTime}
      />
      <SelectField
        label={t("today.sleep.quality")}
        value={quality}
        onChange={(event) => setQuality(event.target.value)}
        options={QUALITIES.map((value) => ({
          value: String(value),
          label: t("today.scaleOption", { value }),
        }))}
        error={form.fieldErrors.quality}
      />
    </EditForm>
  );
}
