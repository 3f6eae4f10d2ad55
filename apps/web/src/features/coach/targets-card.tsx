import { useId, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { BODY_GOALS } from "@fitcoach/contract";
import type { BodyGoal, Targets } from "@fitcoach/contract";

import { useMe } from "../../app/me-query";
import { Loading } from "../../ui/spinner";
import { SelectField } from "../../ui/select-field";
import { CoachProblem } from "./coach-problem";
import { coachKeys } from "./coach-queries";
import { formatNumber } from "./units";
import { parseWeight, WeightField } from "./weight-field";
import { useCoachApi } from "./use-coach-api";

interface TargetsRequest {
  weightKg?: number;
  goal?: BodyGoal;
}

/**
 * Daily targets from the profile and goal, with the rule that produced them. The weight and goal
 * fields override the logged weight and the saved goal for this view only.
 */
export function TargetsCard(): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const coachApi = useCoachApi();
  const me = useMe();
  const headingId = useId();
  const units = me.data?.units ?? "metric";
  const [weight, setWeight] = useState("");
  const [goal, setGoal] = useState<"" | BodyGoal>("");
  const [weightError, setWeightError] = useState<string | undefined>();
  const [request, setRequest] = useState<TargetsRequest>({});
  const targets = useQuery({
    queryKey: coachKeys.targets(request.weightKg, request.goal),
    queryFn: () => coachApi.targets(request),
  });

  function submit(): void {
    const parsed = parseWeight(weight, units, t);
    if (!parsed.ok) {
      setWeightError(parsed.error);
      return;
    }
    setWeightError(undefined);
    setRequest({ weightKg: parsed.weightKg, goal: goal || undefined });
  }

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("coach.targets.title")}</h2>
      <form
        noValidate
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <WeightField units={units} value={weight} error={weightError} onChange={setWeight} />
        <GoalField value={goal} onChange={setGoal} />
        <button type="submit" className="button">
          {t("coach.targets.submit")}
        </button>
      </form>
      {targets.isFetching ? <Loading /> : null}
      <CoachProblem error={targets.error} />
      {targets.data && !targets.isFetching ? (
        <TargetsView targets={targets.data} language={i18n.language} />
      ) : null}
    </section>
  );
}

/** Selects a body goal, or "from your goals" to let the server pick it. */
export function GoalField(props: {
  value: "" | BodyGoal;
  onChange(value: "" | BodyGoal): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <SelectField
      label={t("coach.goal.label")}
      value={props.value}
      onChange={(event) => props.onChange(event.target.value as "" | BodyGoal)}
      options={[
        { value: "", label: t("coach.goal.auto") },
        ...BODY_GOALS.map((value) => ({ value, label: t(`coach.goals.${value}`) })),
      ]}
    />
  );
}

function TargetsView(props: { targets: Targets; language: string }): React.JSX.Element {
  const { t } = useTranslation();
  const { targets, language } = props;
  const rows: { key: string; value: number; unit: "kcal" | "g" | "ml" }[] = [
    { key: "kcal", value: targets.kcal, unit: "kcal" },
    { key: "protein", value: targets.protein, unit: "g" },
    { key: "carbs", value: targets.carbs, unit: "g" },
    { key: "fat", value: targets.fat, unit: "g" },
    { key: "fiber", value: targets.fiber, unit: "g" },
    { key: "waterMl", value: targets.waterMl, unit: "ml" },
    { key: "bmrKcal", value: targets.bmrKcal, unit: "kcal" },
    { key: "tdeeKcal", value: targets.tdeeKcal, unit: "kcal" },
  ];

  return (
    <>
      <p>
        {t("coach.targets.basis", {
          goal: t(`coach.goals.${targets.goal}`),
          weight: formatNumber(targets.weightKg, language, 1),
        })}
      </p>
      <dl className="stat-grid">
        {rows.map((row) => (
          <div key={row.key}>
            <dt>{t(`coach.targets.rows.${row.key}`)}</dt>
            <dd>{t(`units.${row.unit}`, { value: formatNumber(row.value, language) })}</dd>
          </div>
        ))}
      </dl>
      <p className="rule">
        <strong>{t("coach.targets.rule")}</strong> {targets.rule}
      </p>
    </>
  );
}
