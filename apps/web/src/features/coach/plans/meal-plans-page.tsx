import { useId, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { FOOD_EXCLUSIONS } from "@fitcoach/contract";
import type { BodyGoal, FoodExclusion, MealPlan } from "@fitcoach/contract";

import { useMe } from "../../../app/me-query";
import { Loading } from "../../../ui/spinner";
import { formatDateTime } from "../../settings/format";
import { CoachProblem } from "../coach-problem";
import { coachKeys } from "../coach-queries";
import { GoalField } from "../targets-card";
import { parseWeight, WeightField } from "../weight-field";
import { MealPlanView } from "./meal-plan-view";
import { useCoachApi } from "../use-coach-api";

/** Seven-day meal plans: build one, pick one of the saved plans, and accept it. */
export function MealPlansPage(): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const coachApi = useCoachApi();
  const [searchParams, setSearchParams] = useSearchParams();
  const listHeadingId = useId();
  const plans = useQuery({
    queryKey: coachKeys.mealPlans,
    queryFn: () => coachApi.listMealPlans(),
  });
  const selectedId = searchParams.get("plan") ?? plans.data?.[0]?.id ?? null;
  const selected = plans.data?.find((plan) => plan.id === selectedId) ?? null;

  return (
    <div className="coach-stack">
      <MealPlanForm onCreated={(plan) => setSearchParams({ plan: plan.id })} />
      <section className="card" aria-labelledby={listHeadingId}>
        <h2 id={listHeadingId}>{t("coach.plans.saved")}</h2>
        {plans.isPending ? <Loading /> : null}
        <CoachProblem error={plans.error} />
        {plans.isSuccess && plans.data.length === 0 ? (
          <p className="muted">{t("coach.plans.none")}</p>
        ) : null}
        <ul className="choice-list">
          {(plans.data ?? []).map((plan) => (
            <li key={plan.id}>
              <button
                type="button"
                className="button-link"
                aria-current={plan.id === selectedId ? "true" : undefined}
                onClick={() => setSearchParams({ plan: plan.id })}
              >
                {t("coach.plans.item", {
                  time: formatDateTime(plan.createdAt, i18n.language),
                  status: t(`coach.plans.status.${plan.status}`),
                })}
              </button>
            </li>
          ))}
        </ul>
      </section>
      {selected ? <MealPlanView plan={selected} /> : null}
    </div>
  );
}

function MealPlanForm(props: { onCreated(plan: MealPlan): void }): React.JSX.Element {
  const { t } = useTranslation();
  const coachApi = useCoachApi();
  const me = useMe();
  const queryClient = useQueryClient();
  const headingId = useId();
  const units = me.data?.units ?? "metric";
  const [exclude, setExclude] = useState<FoodExclusion[]>([]);
  const [weight, setWeight] = useState("");
  const [goal, setGoal] = useState<"" | BodyGoal>("");
  const [weightError, setWeightError] = useState<string | undefined>();
  const create = useMutation({
    mutationFn: (request: { exclude: FoodExclusion[]; weightKg?: number; goal?: BodyGoal }) =>
      coachApi.createMealPlan(request),
    onSuccess: (plan) => {
      queryClient.setQueryData<MealPlan[]>(coachKeys.mealPlans, (plans) => [
        plan,
        ...(plans ?? []),
      ]);
      props.onCreated(plan);
    },
  });

  function toggle(item: FoodExclusion, isExcluded: boolean): void {
    setExclude((current) =>
      isExcluded ? [...current, item] : current.filter((value) => value !== item),
    );
  }

  function submit(): void {
    const parsed = parseWeight(weight, units, t);
    if (!parsed.ok) {
      setWeightError(parsed.error);
      return;
    }
    setWeightError(undefined);
    create.mutate({ exclude, weightKg: parsed.weightKg, goal: goal || undefined });
  }

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("coach.plans.createTitle")}</h2>
      <p>{t("coach.plans.intro")}</p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <fieldset className="checkbox-group">
          <legend>{t("coach.plans.exclude")}</legend>
          {FOOD_EXCLUSIONS.map((item) => (
            <label key={item} className="checkbox">
              <input
                type="checkbox"
                checked={exclude.includes(item)}
                onChange={(event) => toggle(item, event.target.checked)}
              />
              {t(`coach.exclusions.${item}`)}
            </label>
          ))}
        </fieldset>
        <WeightField units={units} value={weight} error={weightError} onChange={setWeight} />
        <GoalField value={goal} onChange={setGoal} />
        <CoachProblem
          error={create.error}
          messages={{ "unprocessable-content": t("coach.plans.cannotFit") }}
        />
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {create.isPending ? t("common.working") : t("coach.plans.create")}
        </button>
      </form>
    </section>
  );
}
