import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import type { UseMutationResult } from "@tanstack/react-query";
import type { z } from "zod";

import type { FormSubmit } from "../../forms/use-form-submit";
import { useEditSubmit } from "./entry-editing";
import type { EntryEditProps } from "./entry-list";

/**
 * Runs the edit form of a listed entry: `save` sends the change, then the day reloads and the
 * form closes. A 412 reloads the day too, as `useEditSubmit` does, and leaves the form open.
 */
export function useEntryEditSubmit<Schema extends z.ZodType, Entry>(
  schema: Schema,
  edit: EntryEditProps<Entry>,
  save: (patch: z.output<Schema>) => Promise<unknown>,
): FormSubmit {
  return useEditSubmit(
    schema,
    async (patch) => {
      await save(patch);
      await edit.refreshDay();
      edit.onDone();
    },
    edit.refreshDay,
  );
}

/** Deletes a listed entry, then reloads the day whether the delete worked or not. */
export function useRemoveEntry<Entry>(
  remove: (entry: Entry) => Promise<unknown>,
  refreshDay: () => Promise<void>,
): UseMutationResult<unknown, Error, Entry> {
  return useMutation({ mutationFn: remove, onSettled: refreshDay });
}

/** The typed text of a form's fields, by field name. */
export interface FieldTexts<Texts extends Record<string, string>> {
  texts: Texts;
  setText(field: keyof Texts, text: string): void;
  reset(): void;
}

/** Keeps the text of each field of a form; `reset` puts back the starting texts. */
export function useFieldTexts<Texts extends Record<string, string>>(
  initial: Texts,
): FieldTexts<Texts> {
  const [texts, setTexts] = useState<Texts>(initial);

  return {
    texts,
    setText: (field, text) => setTexts((current) => ({ ...current, [field]: text })),
    reset: () => setTexts(initial),
  };
}
