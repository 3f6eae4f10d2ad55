import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
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
import { DaySection } from "./day-section";
import { useRefreshDay, useTrackingApi } from "./day-queries";
import { EditForm, EntryActions, useEditSubmit, useEditingEntry } from "./entry-editing";
import { formatAmount, parseNumberInput } from "./number-input";

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
  const [texts, setTexts] = useState<BodyTexts>(EMPTY_BODY_TEXTS);

  const form = useFormSubmit(bodyCreateSchema, async (entry) => {
    await api.entries.body.create(entry);
    setTexts(EMPTY_BODY_TEXTS);
    await refreshDay();
  });
  const remove = useMutation({
    mutationFn: (entry: BodyEntry) => api.entries.body.remove(entry),
    onSettled: refreshDay,
  });
  const editing = useEditingEntry();

  function submit(): void {
    const values: Record<string, unknown> = { date };
    for (const field of BODY_FIELDS) {
      const value = parseNumberInput(texts[field]);
      if (value !== undefined) values[apiFieldOf(field, units)] = value;
    }
    void form.submit(values);
  }

  return (
    <DaySection title={t("today.sections.body.title")}>
      {props.day.body.length === 0 ? <p className="muted">{t("today.nothingLogged")}</p> : null}
      <ul className="item-list">
        {props.day.body.map((entry) => {
          const label = describeBody(entry, units, i18n.language, t);
          return (
            <li key={entry.id} className="item">
              {editing.editingId === entry.id ? (
                <BodyEditForm
                  entry={entry}
                  label={label}
                  units={units}
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
          submit();
        }}
      >
        <BodyFields
          texts={texts}
          units={units}
          errors={form.fieldErrors}
          onChange={(field, text) => setTexts((current) => ({ ...current, [field]: text }))}
        />
        {/* The schema reports "send at least one measurement" for the form as a whole. */}
        {form.fieldErrors[""] ? <p className="field-error">{t("today.body.atLeastOne")}</p> : null}
        <ProblemAlert error={Object.keys(form.fieldErrors).length > 0 ? null : form.error} />
        <button type="submit" className="button button-primary" disabled={form.isPending}>
          {t("today.body.save")}
        </button>
      </form>
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

function BodyEditForm(props: {
  entry: BodyEntry;
  label: string;
  units: Me["units"];
  refreshDay: () => Promise<void>;
  onDone(): void;
}): React.JSX.Element {
  const api = useTrackingApi();
  const { entry, units } = props;
  const [initial] = useState(() => textsOf(entry, units));
  const [texts, setTexts] = useState<BodyTexts>(initial);
  const form = useEditSubmit(
    bodyPatchSchema,
    async (patch) => {
      if (Object.keys(patch).length > 0) await api.entries.body.update(entry, patch);
      await props.refreshDay();
      props.onDone();
    },
    props.refreshDay,
  );

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
      <BodyFields
        texts={texts}
        units={units}
        errors={form.fieldErrors}
        onChange={(field, text) => setTexts((current) => ({ ...current, [field]: text }))}
      />
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
