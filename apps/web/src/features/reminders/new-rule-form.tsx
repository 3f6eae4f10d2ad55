import { useId, useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { REMINDER_KINDS, REMINDER_RULES_MAX } from "@fitcoach/contract";
import type { Me, ReminderKind, ReminderRule, ReminderRuleCreate } from "@fitcoach/contract";

import type { FieldErrors } from "../../forms/validation";
import { Alert } from "../../ui/alert";
import { ProblemAlert } from "../../ui/problem-alert";
import { SelectField } from "../../ui/select-field";
import { REMINDER_RULES_QUERY_KEY, useReminderMessages } from "./reminder-shared";
import { newRuleDraft, toCreateBody } from "./rule-draft";
import type { RuleDraft } from "./rule-draft";
import { RuleFields } from "./rule-fields";
import { useRemindersApi } from "./use-reminders-api";

/** Adds a rule of any kind; it starts with the daily "log your day" reminder at 21:00. */
export function NewRuleForm(props: { me: Me; ruleCount: number }): React.JSX.Element {
  const { t } = useTranslation();
  const remindersApi = useRemindersApi();
  const queryClient = useQueryClient();
  const messages = useReminderMessages();
  const headingId = useId();
  const [draft, setDraft] = useState<RuleDraft>(() => newRuleDraft("daily-log"));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [added, setAdded] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (body: ReminderRuleCreate) => remindersApi.createRule(body),
    onSuccess: (rule) => {
      queryClient.setQueryData<ReminderRule[]>(REMINDER_RULES_QUERY_KEY, (rules) => [
        ...(rules ?? []),
        rule,
      ]);
      setAdded(t(`reminders.kinds.${rule.kind}`));
      setDraft(newRuleDraft(draft.kind));
    },
  });
  const isFull = props.ruleCount >= REMINDER_RULES_MAX;

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("reminders.addTitle")}</h2>
      {isFull ? <p>{t("reminders.tooMany")}</p> : null}
      <form
        noValidate
        aria-labelledby={headingId}
        onSubmit={(event) => {
          event.preventDefault();
          setAdded(null);
          const result = toCreateBody(draft, t);
          setErrors(result.ok ? {} : result.errors);
          if (result.ok) create.mutate(result.value);
        }}
      >
        <SelectField
          label={t("reminders.fields.kind")}
          value={draft.kind}
          onChange={(event) => {
            setErrors({});
            setDraft(newRuleDraft(event.target.value as ReminderKind));
          }}
          options={REMINDER_KINDS.map((value) => ({
            value,
            label: t(`reminders.kinds.${value}`),
          }))}
        />
        <p className="field-hint">{t(`reminders.kindHints.${draft.kind}`)}</p>
        <RuleFields
          draft={draft}
          errors={errors}
          emailVerified={props.me.emailVerified}
          weekStartsOn={props.me.weekStartsOn}
          onChange={(patch) => setDraft({ ...draft, ...patch })}
        />
        <ProblemAlert error={create.error} messages={messages} />
        {added ? <Alert tone="success">{t("reminders.added", { kind: added })}</Alert> : null}
        <button
          type="submit"
          className="button button-primary"
          disabled={create.isPending || isFull}
        >
          {t("reminders.add")}
        </button>
      </form>
    </section>
  );
}
