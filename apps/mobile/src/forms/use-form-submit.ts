import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";

import { serverFieldErrors, validateWith } from "./validation";
import type { FieldErrors } from "./validation";

export interface FormSubmit {
  fieldErrors: FieldErrors;
  /** The last failure that is not about one field, for a form-level notice. */
  error: unknown;
  isPending: boolean;
  submit(values: Record<string, unknown>): Promise<void>;
  reset(): void;
}

/**
 * Runs a form submission: validates with the contract schema first, sends only valid data, and
 * keeps the server's field errors next to the fields they name.
 */
export function useFormSubmit<Schema extends z.ZodType>(
  schema: Schema,
  action: (data: z.output<Schema>) => Promise<void>,
): FormSubmit {
  const { t } = useTranslation();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [isPending, setPending] = useState(false);

  async function submit(values: Record<string, unknown>): Promise<void> {
    const result = validateWith(schema, values, t);
    setError(null);
    if (!result.ok) {
      setFieldErrors(result.errors);
      return;
    }

    setFieldErrors({});
    setPending(true);
    try {
      await action(result.data);
    } catch (caught) {
      setFieldErrors(serverFieldErrors(caught));
      setError(caught);
    } finally {
      setPending(false);
    }
  }

  function reset(): void {
    setFieldErrors({});
    setError(null);
  }

  return { fieldErrors, error, isPending, submit, reset };
}
