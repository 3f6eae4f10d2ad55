import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import { bodyCreateSchema, bodyPatchSchema } from "@fitcoach/contract";
import type { BodyEntry, DayCard, Me } from "@fitcoach/contract";

import { useFormSubmit } from "../../forms/use-form-submit";
import type { FieldErrors } from "../../forms/validation";
import { ProblemAlert } from "../../ui/problem-alert";
import { TextField } from "../../ui/text-field";
import { BODY_FIELDS, EMPTY_BODY_TEXTS, apiFieldOf, textsOf, unitOf, valueOf } from "./body-fields";
import type { BodyTexts } from "./body-fields";
import { AddForm } from "./add-form";
import { DaySection } from "./day-section";
import { useRefreshDay, useTrackingApi } from "./day-queries";
import { EditForm } from "./entry-editing";
import { EntryList } from "./entry-list";
import type { EntryEditProps } from "./entry-list";
import { formatAmount, parseNumberInput } from "./number-input";
import { useEntryEditSubmit, useFieldTexts, useRemoveEntry } from "./use-entry-form";

/**
 * Lists, logs and edits the day's body measurements (weight, circumferences and body fat) in the
 * user's units: kg and cm for metric, lb and in for imperial.
 */
export function BodySection(props: { day: DayCard; units: Me["units"] }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const api = useTrackingApi();
  const { date } = props.day;
  const refreshDay = useRefreshDay(date);
  const { units } = props;
  const fields = useFieldTexts<BodyTexts>(EMPTY_BODY_TEXTS);

  const form = useFormSubmit(bodyCreateSchema, async (entry) => {
    await api.entries.body.create(entry);
    fields.reset();
    await refreshDay();
  });
  const remove = useRemoveEntry((entry: BodyEntry) => api.entries.body.remove(entry), refreshDay);

  function submit(): void {
    const values: Record<string, unknown> = { date };
    for (const field of BODY_FIELDS) {
      const value = parseNumberInput(fields.texts[field]);
      if (value !== undefined) values[apiFieldOf(field, units)] = value;
    }
    void form.submit(values);
  }

  return (
    <DaySection title={t("today.sections.body.title")}>
      <EntryList
        entries={props.day.body}
        emptyText={t("today.nothingLogged")}
        labelOf={(entry) => describeBody(entry, units, i18n.language, t)}
        renderEditForm={(edit) => <BodyEditForm {...edit} units={units} />}
        refreshDay={refreshDay}
        isDeleting={remove.isPending}
        onDelete={(entry) => remove.mutate(entry)}
      />
      <ProblemAlert error={remove.error} />
      <AddForm form={form} onSubmit={submit} submitText={t("today.body.save")}>
        <BodyFields
          texts={fields.texts}
          units={units}
          errors={form.fieldErrors}
          onChange={fields.setText}
        />
        {/* The schema reports "send at least one measurement" for the form as a whole. */}
        {form.fieldErrors[""] ? <p className="field-error">{t("today.body.atLeastOne")}</p> : null}
      </AddForm>
    </DaySection>
  );
}

function BodyFields(props: {
  texts: BodyTexts;
  units: Me["units"];
  errors: FieldErrors;
  onChange(field: keyof BodyTexts, text: string): void;
}): React.JSX.Element {
  const { t } = useTranslation();

  return (
    <div className="field-grid">
      {BODY_FIELDS.map((field) => (
        <TextField
          key={field}
          label={t(`today.body.fields.${field}`, { unit: unitOf(field, props.units) })}
          inputMode="decimal"
          autoComplete="off"
          value={props.texts[field]}
          onChange={(event) => props.onChange(field, event.target.value)}
          error={props.errors[apiFieldOf(field, props.units)]}
        />
      ))}
    </div>
  );
}

function BodyEditForm(
  props: EntryEditProps<BodyEntry> & { units: Me["units"] },
): React.JSX.Element {
  const api = useTrackingApi();
  const { entry, units } = props;
  const [initial] = useState(() => textsOf(entry, units));
  const { texts, setText } = useFieldTexts<BodyTexts>(initial);
  const form = useEntryEditSubmit(bodyPatchSchema, props, async (patch) => {
    if (Object.keys(patch).length > 0) await api.entries.body.update(entry, patch);
  });

  // Only changed fields are sent, so a value logged in the other unit system stays as it was.
  function submit(): void {
    const patch: Record<string, unknown> = {};
    for (const field of BODY_FIELDS) {
      if (texts[field].trim() === initial[field]) continue;
      patch[apiFieldOf(field, units)] = parseNumberInput(texts[field]) ?? null;
    }
    void form.submit(patch);
  }

  return (
    <EditForm label={props.label} form={form} onSubmit={submit} onCancel={props.onDone}>
      <BodyFields texts={texts} units={units} errors={form.fieldErrors} onChange={setText} />
    </EditForm>
  );
}

/** Describes an entry as "80.5 kg · waist 84 cm · body fat 18 %", in the user's units. */
function describeBody(
  entry: BodyEntry,
  units: Me["units"],
  language: string,
  t: TFunction,
): string {
  const parts: string[] = [];
  for (const field of BODY_FIELDS) {
    const value = valueOf(entry, field, units);
    if (value === null) continue;
    parts.push(
      t(`today.body.values.${field}`, {
        value: formatAmount(value, language, 2),
        unit: unitOf(field, units),
      }),
    );
  }
  return parts.join(" · ");
}
