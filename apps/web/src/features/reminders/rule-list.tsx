import { useId, useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import type { Me, ReminderRule, ReminderRulePatch } from "@fitcoach/contract";

import type { FieldErrors } from "../../forms/validation";
import { ProblemAlert } from "../../ui/problem-alert";
import { draftFromRule, toPatchBody } from "./rule-draft";
import type { RuleDraft } from "./rule-draft";
import { RuleFields } from "./rule-fields";
import { formatInstantIn, REMINDER_RULES_QUERY_KEY, useReminderMessages } from "./reminder-shared";
import { weekdayName } from "./weekday-picker";
import { useRemindersApi } from "./use-reminders-api";

/** Title of a rule for lists and labels, such as "Meal: Breakfast". */
export function ruleTitle(rule: Pick<ReminderRule, "kind" | "mealType">, t: TFunction): string {
  const kind = t(`reminders.kinds.${rule.kind}`);
  return rule.kind === "meal" && rule.mealType
    ? t("reminders.mealTitle", { kind, meal: t(`coach.mealSlots.${rule.mealType}`) })
    : kind;
}

/** Describes when and where a rule fires, such as "21:00 · Every day · In the app". */
export function describeRule(rule: ReminderRule, t: TFunction, language: string): string {
  const when =
    rule.kind === "water"
      ? t("reminders.waterWhen", {
          interval: rule.intervalMinutes,
          start: rule.startTime,
          end: rule.endTime,
        })
      : (rule.time ?? "");
  const days =
    rule.weekdays.length === 7
      ? t("reminders.everyDay")
      : rule.weekdays.map((day) => weekdayName(day, language, "short")).join(", ");
  return [when, days, t(`reminders.channels.${rule.channel}.title`)].join(" · ");
}

/** Lists the user's rules, each with a quick on/off switch, an edit form and delete. */
export function RuleList(props: { rules: ReminderRule[]; me: Me }): React.JSX.Element {
  const { t } = useTranslation();
  if (props.rules.length === 0) return <p className="muted">{t("reminders.noRules")}</p>;
  return (
    <ul className="rule-list">
      {props.rules.map((rule) => (
        <RuleItem key={rule.id} rule={rule} me={props.me} />
      ))}
    </ul>
  );
}

function useStoreRule(): { store(rule: ReminderRule): void; drop(id: string): void } {
  const queryClient = useQueryClient();
  return {
    store: (rule) =>
      queryClient.setQueryData<ReminderRule[]>(REMINDER_RULES_QUERY_KEY, (rules) =>
        rules?.map((item) => (item.id === rule.id ? rule : item)),
      ),
    drop: (id) =>
      queryClient.setQueryData<ReminderRule[]>(REMINDER_RULES_QUERY_KEY, (rules) =>
        rules?.filter((item) => item.id !== id),
      ),
  };
}

function RuleItem(props: { rule: ReminderRule; me: Me }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const remindersApi = useRemindersApi();
  const messages = useReminderMessages();
  const { store, drop } = useStoreRule();
  const toggleId = useId();
  const { rule, me } = props;
  const [isEditing, setEditing] = useState(false);
  const title = ruleTitle(rule, t);
  const toggle = useMutation({
    mutationFn: (enabled: boolean) => remindersApi.updateRule(rule, { enabled }),
    onSuccess: store,
  });
  const remove = useMutation({
    mutationFn: () => remindersApi.deleteRule(rule),
    onSuccess: () => drop(rule.id),
  });

  return (
    <li className="rule-item">
      <div className="rule-summary">
        <p className="item-title">{title}</p>
        <p className="item-meta">{describeRule(rule, t, i18n.language)}</p>
        <p className="item-meta">
          {rule.enabled && rule.nextAt
            ? t("reminders.nextAt", {
                time: formatInstantIn(rule.nextAt, i18n.language, me.timeZone),
              })
            : t("reminders.isOff")}
        </p>
      </div>
      <div className="button-row">
        <div className="field field-checkbox">
          <input
            id={toggleId}
            type="checkbox"
            checked={rule.enabled}
            disabled={toggle.isPending}
            onChange={(event) => toggle.mutate(event.target.checked)}
          />
          <label htmlFor={toggleId}>
            {t("reminders.fields.enabled")}
            <span className="visually-hidden"> ({title})</span>
          </label>
        </div>
        <button
          type="button"
          className="button"
          aria-expanded={isEditing}
          onClick={() => setEditing(!isEditing)}
        >
          {t("reminders.edit")}
          <span className="visually-hidden"> ({title})</span>
        </button>
        <button
          type="button"
          className="button button-danger"
          disabled={remove.isPending}
          onClick={() => remove.mutate()}
        >
          {t("reminders.delete")}
          <span className="visually-hidden"> ({title})</span>
        </button>
      </div>
      <ProblemAlert error={toggle.error ?? remove.error} messages={messages} />
      {isEditing ? (
        <RuleEditForm
          rule={rule}
          me={me}
          title={title}
          onSaved={(saved) => {
            store(saved);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : null}
    </li>
  );
}

function RuleEditForm(props: {
  rule: ReminderRule;
  me: Me;
  title: string;
  onSaved(rule: ReminderRule): void;
  onCancel(): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const remindersApi = useRemindersApi();
  const messages = useReminderMessages();
  const [draft, setDraft] = useState<RuleDraft>(() => draftFromRule(props.rule));
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useMutation({
    mutationFn: (patch: ReminderRulePatch) => remindersApi.updateRule(props.rule, patch),
    onSuccess: props.onSaved,
  });

  return (
    <form
      noValidate
      className="rule-form"
      aria-label={t("reminders.editTitle", { rule: props.title })}
      onSubmit={(event) => {
        event.preventDefault();
        const result = toPatchBody(draft, t);
        setErrors(result.ok ? {} : result.errors);
        if (result.ok) save.mutate(result.value);
      }}
    >
      <RuleFields
        draft={draft}
        errors={errors}
        emailVerified={props.me.emailVerified}
        weekStartsOn={props.me.weekStartsOn}
        onChange={(patch) => setDraft({ ...draft, ...patch })}
      />
      <ProblemAlert error={save.error} messages={messages} />
      <p className="button-row">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {t("common.save")}
        </button>
        <button type="button" className="button" onClick={props.onCancel}>
          {t("common.cancel")}
        </button>
      </p>
    </form>
  );
}
