import { useId, useRef, useState } from "react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { createIdempotencyKey } from "@fitcoach/client";
import { goalsPutSchema } from "@fitcoach/contract";
import type { Goals, GoalsPut } from "@fitcoach/contract";

import { useFormSubmit } from "../../forms/use-form-submit";
import { Alert } from "../../ui/alert";
import { ProblemAlert } from "../../ui/problem-alert";
import { TextField } from "../../ui/text-field";
import type { GoalField } from "./goal-fields";
import { useSaveGoals } from "./use-goals";

type Outcome = "saved" | "cleared";

/** A write that has not succeeded yet. A retry of the same body reuses its key. */
interface PendingWrite {
  body: string;
  idempotencyKey: string;
}

/**
 * Renders one goal form with Save and Clear. Values are checked with the contract's schema before
 * sending, and field errors from either check show next to their inputs.
 */
export function GoalForm(props: {
  title: string;
  fields: GoalField[];
  goals: Goals;
  /** Messages that replace the generic ones for some fields, keyed by body field. */
  fieldMessages?: Partial<Record<keyof GoalsPut, string>>;
  hint?: string;
  children?: ReactNode;
  /** Renders extra controls inside the form; `fill` sets inputs by body field name. */
  renderTools?(fill: (values: Partial<Record<keyof GoalsPut, number>>) => void): ReactNode;
}): React.JSX.Element {
  const { t } = useTranslation();
  const headingId = useId();
  const save = useSaveGoals();
  const pending = useRef<PendingWrite | null>(null);
  const [texts, setTexts] = useState(() => readTexts(props.fields, props.goals));
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [numberErrors, setNumberErrors] = useState<Set<string>>(new Set());
  const nextOutcome = useRef<Outcome>("saved");
  const form = useFormSubmit(goalsPutSchema, async (patch) => {
    const goals = await write(patch);
    setTexts(readTexts(props.fields, goals));
    setOutcome(nextOutcome.current);
  });

  async function write(patch: GoalsPut): Promise<Goals> {
    const body = JSON.stringify(patch);
    if (pending.current?.body !== body) {
      pending.current = { body, idempotencyKey: createIdempotencyKey() };
    }
    const goals = await save.mutateAsync({
      version: props.goals.version,
      patch,
      idempotencyKey: pending.current.idempotencyKey,
    });
    pending.current = null;
    return goals;
  }

  function submit(values: Record<string, unknown>, next: Outcome): void {
    setOutcome(null);
    nextOutcome.current = next;
    void form.submit(values);
  }

  function errorFor(field: GoalField): string | undefined {
    if (numberErrors.has(field.name)) return t("goals.notANumber");
    const message = form.fieldErrors[field.name];
    if (!message) return undefined;
    return props.fieldMessages?.[field.name] ?? message;
  }

  return (
    <section className="card goal-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{props.title}</h2>
      {props.children}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const values = Object.fromEntries(
            props.fields.map((field) => [field.name, field.parse(texts[field.name] ?? "")]),
          );
          // The shared validation reports NaN as a missing value, so text that is not a number
          // gets its own message here.
          const notNumbers = props.fields.filter((field) => Number.isNaN(values[field.name]));
          setNumberErrors(new Set(notNumbers.map((field) => field.name)));
          if (notNumbers.length > 0) return;
          submit(values, "saved");
        }}
      >
        {props.renderTools?.((values) => {
          setOutcome(null);
          setTexts((current) => ({ ...current, ...stringValues(values) }));
        })}
        {props.fields.map((field) => (
          <TextField
            key={field.name}
            label={t(field.labelKey)}
            hint={props.fields.length === 1 ? props.hint : undefined}
            inputMode={field.isDecimal ? "decimal" : "numeric"}
            autoComplete="off"
            value={texts[field.name] ?? ""}
            onChange={(event) => setTexts({ ...texts, [field.name]: event.target.value })}
            error={errorFor(field)}
          />
        ))}
        <ProblemAlert error={form.error} />
        {outcome ? <Alert tone="success">{t(`goals.${outcome}`)}</Alert> : null}
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={form.isPending}>
            {t("common.save")}
          </button>
          <button
            type="button"
            className="button"
            disabled={form.isPending}
            onClick={() => {
              setNumberErrors(new Set());
              submit(
                Object.fromEntries(props.fields.map((field) => [field.name, null])),
                "cleared",
              );
            }}
          >
            {t("goals.clear")}
          </button>
        </div>
      </form>
    </section>
  );
}

function stringValues(values: Partial<Record<keyof GoalsPut, number>>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, String(value)]));
}

function readTexts(fields: GoalField[], goals: Goals): Record<string, string> {
  return Object.fromEntries(fields.map((field) => [field.name, field.format(goals)]));
}
