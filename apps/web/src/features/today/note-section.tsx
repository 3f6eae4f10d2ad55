import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { DAY_NOTE_MAX_LENGTH, dayPatchSchema, tagSchema } from "@fitcoach/contract";
import type { DayCard } from "@fitcoach/contract";

import { useFormSubmit } from "../../forms/use-form-submit";
import { validateWith } from "../../forms/validation";
import { Alert } from "../../ui/alert";
import { ProblemAlert } from "../../ui/problem-alert";
import { TextField } from "../../ui/text-field";
import { Markdown } from "../coach/markdown";
import { DaySection } from "./day-section";
import { useRefreshDay, useTrackingApi } from "./day-queries";

/**
 * Edits the day's tags and markdown note. The card's version goes with the save, so a change made on
 * another device in the meantime is reported instead of overwritten.
 */
export function NoteSection(props: { day: DayCard }): React.JSX.Element {
  const { t } = useTranslation();
  const api = useTrackingApi();
  const { day } = props;
  const refreshDay = useRefreshDay(day.date);
  const noteId = useId();
  const [tags, setTags] = useState<string[]>(day.tags);
  const [tagText, setTagText] = useState("");
  const [tagError, setTagError] = useState<string | undefined>();
  const [note, setNote] = useState(day.note);
  const [isPreview, setPreview] = useState(false);
  const [isSaved, setSaved] = useState(false);

  const form = useFormSubmit(dayPatchSchema, async (patch) => {
    setSaved(false);
    try {
      await api.days.updateDay(day.date, day.version, patch);
      setSaved(true);
    } finally {
      await refreshDay();
    }
  });

  function addTag(): void {
    const result = validateWith(tagSchema, tagText, t);
    if (!result.ok) {
      setTagError(Object.values(result.errors)[0]);
      return;
    }
    setTagError(undefined);
    if (!tags.includes(result.data)) setTags([...tags, result.data]);
    setTagText("");
  }

  return (
    <DaySection title={t("today.sections.note.title")} className="day-section-wide">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void form.submit({ tags, note });
        }}
      >
        {tags.length > 0 ? (
          <ul className="tag-list" aria-label={t("today.note.tags")}>
            {tags.map((tag) => (
              <li key={tag} className="tag">
                <span>{tag}</span>
                <button
                  type="button"
                  className="tag-remove"
                  aria-label={t("today.note.removeTag", { tag })}
                  onClick={() => setTags(tags.filter((item) => item !== tag))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <div className="inline-form">
          <TextField
            label={t("today.note.newTag")}
            autoComplete="off"
            value={tagText}
            onChange={(event) => setTagText(event.target.value)}
            onKeyDown={(event) => {
              // Enter adds the tag instead of saving the whole form.
              if (event.key === "Enter") {
                event.preventDefault();
                addTag();
              }
            }}
            error={tagError ?? form.fieldErrors.tags}
          />
          <button type="button" className="button" onClick={addTag}>
            {t("today.note.addTag")}
          </button>
        </div>
        <div className="field">
          <label htmlFor={noteId}>{t("today.note.note")}</label>
          <textarea
            id={noteId}
            rows={6}
            maxLength={DAY_NOTE_MAX_LENGTH}
            value={note}
            aria-describedby={
              form.fieldErrors.note ? `${noteId}-hint ${noteId}-error` : `${noteId}-hint`
            }
            aria-invalid={form.fieldErrors.note ? true : undefined}
            onChange={(event) => setNote(event.target.value)}
          />
          <p id={`${noteId}-hint`} className="field-hint">
            {t("today.note.hint")}
          </p>
          {form.fieldErrors.note ? (
            <p id={`${noteId}-error`} className="field-error">
              {form.fieldErrors.note}
            </p>
          ) : null}
        </div>
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={form.isPending}>
            {t("today.note.save")}
          </button>
          <button
            type="button"
            className="button"
            aria-pressed={isPreview}
            onClick={() => setPreview(!isPreview)}
          >
            {t("today.note.preview")}
          </button>
        </div>
        <ProblemAlert
          error={form.fieldErrors.tags || form.fieldErrors.note ? null : form.error}
          messages={{ "precondition-failed": t("today.note.conflict") }}
        />
        {isSaved ? <Alert tone="success">{t("common.saved")}</Alert> : null}
      </form>
      {isPreview ? (
        <section className="note-preview" aria-label={t("today.note.previewTitle")}>
          {note.trim() === "" ? (
            <p className="muted">{t("today.note.empty")}</p>
          ) : (
            <Markdown source={note} />
          )}
        </section>
      ) : null}
    </DaySection>
  );
}
