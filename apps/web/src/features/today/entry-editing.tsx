import { useEffect, useRef, useState } from "react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { ProblemError } from "@fitcoach/client";

import { useFormSubmit } from "../../forms/use-form-submit";
import type { FormSubmit } from "../../forms/use-form-submit";
import { ProblemAlert } from "../../ui/problem-alert";

/** Returns whether a write failed with 412 because the entry changed after the card loaded it. */
export function isEditConflict(error: unknown): boolean {
  return error instanceof ProblemError && error.status === 412;
}

/**
 * Runs an edit form like `useFormSubmit`. A 412 reloads the day before the error is shown, so the
 * open form then has the entry's new version and a second save applies the user's values.
 */
export function useEditSubmit<Schema extends z.ZodType>(
  schema: Schema,
  action: (data: z.output<Schema>) => Promise<void>,
  refreshDay: () => Promise<void>,
): FormSubmit {
  return useFormSubmit(schema, async (data) => {
    try {
      await action(data);
    } catch (error) {
      if (isEditConflict(error)) await refreshDay();
      throw error;
    }
  });
}

/** The entry of a list that is open for editing; closing it moves focus back to its Edit button. */
export interface EditingEntry {
  editingId: string | null;
  start(id: string): void;
  stop(): void;
  /** Ref callback for the Edit button of entry `id`. */
  editButtonRef(id: string): (element: HTMLButtonElement | null) => void;
}

export function useEditingEntry(): EditingEntry {
  const [editingId, setEditingId] = useState<string | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());

  useEffect(() => {
    if (focusId === null) return;
    buttons.current.get(focusId)?.focus();
    setFocusId(null);
  }, [focusId]);

  return {
    editingId,
    start: (id) => setEditingId(id),
    stop: () => {
      setFocusId(editingId);
      setEditingId(null);
    },
    editButtonRef: (id) => (element) => {
      if (element) buttons.current.set(id, element);
      else buttons.current.delete(id);
    },
  };
}

/** Renders the Edit and Delete buttons of one listed entry, named by `label` for screen readers. */
export function EntryActions(props: {
  label: string;
  editButtonRef: (element: HTMLButtonElement | null) => void;
  isDeleting: boolean;
  onEdit(): void;
  onDelete(): void;
  deleteText?: string;
}): React.JSX.Element {
  const { t } = useTranslation();

  return (
    <div className="button-row entry-actions">
      <button type="button" className="button" ref={props.editButtonRef} onClick={props.onEdit}>
        {t("today.edit.edit")}
        <span className="visually-hidden"> {props.label}</span>
      </button>
      <button
        type="button"
        className="button button-danger"
        disabled={props.isDeleting}
        onClick={props.onDelete}
      >
        {props.deleteText ?? t("today.delete")}
        <span className="visually-hidden"> {props.label}</span>
      </button>
    </div>
  );
}

/**
 * Renders an entry's edit form in place of the entry. It takes focus when it opens, Escape
 * cancels, and a 412 shows that the entry changed on another device.
 */
export function EditForm(props: {
  /** Names the entry, such as "250 ml"; the form is labelled "Edit 250 ml". */
  label: string;
  form: FormSubmit;
  onSubmit(): void;
  onCancel(): void;
  children: ReactNode;
  className?: string;
}): React.JSX.Element {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const hasFieldErrors = Object.keys(props.form.fieldErrors).length > 0;

  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>("input, select, textarea")?.focus();
  }, []);

  return (
    <form
      ref={formRef}
      noValidate
      className={["edit-form", props.className].filter(Boolean).join(" ")}
      aria-label={t("today.edit.formLabel", { label: props.label })}
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit();
      }}
      onKeyDown={(event) => {
        if (event.key !== "Escape") return;
        event.preventDefault();
        props.onCancel();
      }}
    >
      {props.children}
      {props.form.fieldErrors[""] ? (
        <p className="field-error">{props.form.fieldErrors[""]}</p>
      ) : null}
      <ProblemAlert
        error={hasFieldErrors && !isEditConflict(props.form.error) ? null : props.form.error}
        messages={{ "precondition-failed": t("today.edit.conflict") }}
      />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={props.form.isPending}>
          {t("today.edit.save")}
        </button>
        <button type="button" className="button" onClick={props.onCancel}>
          {t("today.edit.cancel")}
        </button>
      </div>
    </form>
  );
}
