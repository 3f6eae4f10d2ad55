import { useTranslation } from "react-i18next";
import type { GoalProgress } from "@fitcoach/client";
import type { Goals, Me } from "@fitcoach/contract";

import { useMe } from "../../app/me-query";
import { Page } from "../../ui/page";
import { ProblemAlert } from "../../ui/problem-alert";
import { Loading } from "../../ui/spinner";
import { formatNumber } from "../coach/units";
import { todayIn } from "../today/local-date";
import { GOAL_KINDS, goalFields, SLEEP_HOURS_MAX, SLEEP_HOURS_MIN } from "./goal-fields";
import type { GoalKind } from "./goal-fields";
import { GoalForm } from "./goal-form";
import { GoalProgressList } from "./goal-progress";
import { SuggestionButton } from "./suggestion-button";
import { useGoalProgress, useGoals } from "./use-goals";
import "./goals.css";

export { GOAL_KINDS };

export default function GoalsPage(): React.JSX.Element {
  const { t } = useTranslation();
  const me = useMe();
  const goals = useGoals();

  return (
    <Page title={t("goals.title")}>
      <p>{t("goals.intro")}</p>
      <ProblemAlert error={me.error ?? goals.error} />
      {me.data && goals.data ? <GoalForms me={me.data} goals={goals.data} /> : <Loading />}
    </Page>
  );
}

function GoalForms(props: { me: Me; goals: Goals }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const progress = useGoalProgress(todayIn(props.me.timeZone));
  const items: GoalProgress[] = progress.data ?? [];

  function hintFor(kind: GoalKind): string | undefined {
    if (kind === "water")
      return t("goals.hints.water", {
        profileMl: formatNumber(props.me.waterGoalMl, i18n.language),
      });
    if (kind === "sleep")
      return t("goals.hints.sleep", { min: SLEEP_HOURS_MIN, max: SLEEP_HOURS_MAX });
    return undefined;
  }

  return (
    <div className="card-grid goal-grid">
      {GOAL_KINDS.map((kind) => (
        <GoalForm
          key={kind}
          title={t(`goals.kinds.${kind}.title`)}
          fields={goalFields(kind, props.me.units)}
          goals={props.goals}
          hint={hintFor(kind)}
          renderTools={
            kind === "nutrition"
              ? (fill) => (
                  <SuggestionButton
                    onSuggest={(suggestion) =>
                      fill({
                        kcal: suggestion.kcal,
                        proteinG: suggestion.proteinG,
                        carbsG: suggestion.carbsG,
                        fatG: suggestion.fatG,
                      })
                    }
                  />
                )
              : undefined
          }
          fieldMessages={{
            sleepMin: t("goals.sleepRange", { min: SLEEP_HOURS_MIN, max: SLEEP_HOURS_MAX }),
          }}
        >
          <GoalProgressList kind={kind} items={items} units={props.me.units} />
        </GoalForm>
      ))}
    </div>
  );
}
