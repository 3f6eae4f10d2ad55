import type { ReactNode } from "react";

import type { FormSubmit } from "../../forms/use-form-submit";
import { ProblemAlert } from "../../ui/problem-alert";
import { TextField } from "../../ui/text-field";

/**
 * Renders a section's form for logging a new entry: the fields, then an alert for a failure that
 * no field shows, then the save button.
 */
export function AddForm(props: {
  form: FormSubmit;
  onSubmit(): void;
  submitText: string;
  children: ReactNode;
}): React.JSX.Element {
  const { form } = props;

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit();
      }}
    >
      {props.children}
      <ProblemAlert error={Object.keys(form.fieldErrors).length > 0 ? null : form.error} />
      <button type="submit" className="button button-primary" disabled={form.isPending}>
        {props.submitText}
      </button>
    </form>
  );
}

/** Renders a text field for a whole number, such as millilitres or a step count. */
export function AmountField(props: {
  label: string;
  value: string;
  onChange(value: string): void;
  error: string | undefined;
}): React.JSX.Element {
  return (
    <TextField
      label={props.label}
      inputMode="numeric"
      autoComplete="off"
      value={props.value}
      onChange={(event) => props.onChange(event.target.value)}
      error={props.error}
    />
  );
}

/**
 * Renders a one-line form that logs an amount: the field, the add button, then an alert that
 * stays hidden while the field shows its own error.
 */
export function AmountAddForm(props: {
  form: FormSubmit;
  /** The field of the schema that the amount fills. */
  field: string;
  label: string;
  value: string;
  onChange(value: string): void;
  onSubmit(): void;
  submitText: string;
}): React.JSX.Element {
  const { form } = props;
  const fieldError = form.fieldErrors[props.field];

  return (
    <form
      noValidate
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit();
      }}
    >
      <AmountField
        label={props.label}
        value={props.value}
        onChange={props.onChange}
        error={fieldError}
      />
      <button type="submit" className="button" disabled={form.isPending}>
        {props.submitText}
      </button>
      <ProblemAlert error={fieldError ? null : form.error} />
    </form>
  );
}
