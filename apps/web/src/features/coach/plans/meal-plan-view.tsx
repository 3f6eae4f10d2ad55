import { useId, useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import type { MealPlan, Nutrients } from "@fitcoach/contract";
import type { MealPlanAccepted } from "@fitcoach/client/coach";

import { useMe } from "../../../app/me-query";
import { Alert } from "../../../ui/alert";
import { TableScroll } from "../../../ui/table-scroll";
import { TextField } from "../../../ui/text-field";
import { addDays, isLocalDate, todayIn } from "../../today/local-date";
import { CoachProblem } from "../coach-problem";
import { coachKeys } from "../coach-queries";
import { formatNumber } from "../units";
import { useCoachApi } from "../use-coach-api";

/** Days before today and after it that an accepted plan may start on, as the API allows. */
const START_DAYS_BACK = 7;
const START_DAYS_AHEAD = 60;

/** Renders one meal plan: its targets, the seven days, and the accept step that pre-fills the log. */
export function MealPlanView(props: { plan: MealPlan }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const { plan } = props;
  // The accepted days are kept here because accepting turns the form into the "accepted" note.
  const [accepted, setAccepted] = useState<MealPlanAccepted | null>(null);

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("coach.plans.planTitle")}</h2>
      <p>
        {t("coach.plans.targets", {
          kcal: formatNumber(plan.targets.kcal, i18n.language),
          protein: formatNumber(plan.targets.protein, i18n.language),
          carbs: formatNumber(plan.targets.carbs, i18n.language),
          fat: formatNumber(plan.targets.fat, i18n.language),
          tolerance: plan.tolerancePercent,
        })}
      </p>
      <p className="rule">{plan.rule}</p>
      {accepted?.plan.id === plan.id ? <AcceptedDays result={accepted} /> : null}
      {plan.status === "accepted" ? (
        <Alert tone="success">
          <p>{t("coach.plans.acceptedFrom", { date: plan.startDate ?? "" })}</p>
        </Alert>
      ) : (
        <AcceptForm plan={plan} onAccepted={setAccepted} />
      )}
      {plan.days.map((day) => (
        <details key={day.day} className="plan-day">
          <summary>
            {t("coach.plans.day", {
              day: day.day,
              kcal: formatNumber(day.totals.kcal, i18n.language),
              deviation: formatSigned(day.deviationPercent.kcal, i18n.language),
            })}
          </summary>
          <TableScroll label={t("coach.plans.dayCaption", { day: day.day })}>
            <table>
              <caption className="visually-hidden">
                {t("coach.plans.dayCaption", { day: day.day })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("coach.plans.columns.food")}</th>
                  <th scope="col">{t("coach.plans.columns.grams")}</th>
                  <th scope="col">{t("coach.plans.columns.kcal")}</th>
                  <th scope="col">{t("coach.plans.columns.protein")}</th>
                  <th scope="col">{t("coach.plans.columns.carbs")}</th>
                  <th scope="col">{t("coach.plans.columns.fat")}</th>
                </tr>
              </thead>
              {day.meals.map((meal) => (
                <tbody key={meal.slot}>
                  <tr>
                    <th scope="rowgroup" colSpan={6} className="table-group">
                      {t(`coach.mealSlots.${meal.slot}`)}
                    </th>
                  </tr>
                  {meal.items.map((item) => (
                    <tr key={item.foodId}>
                      <td>{item.description}</td>
                      <NutrientCells grams={item.grams} nutrients={item} language={i18n.language} />
                    </tr>
                  ))}
                </tbody>
              ))}
              <tfoot>
                <tr>
                  <th scope="row">{t("coach.plans.dayTotal")}</th>
                  <td />
                  <NutrientCells nutrients={day.totals} language={i18n.language} />
                </tr>
              </tfoot>
            </table>
          </TableScroll>
        </details>
      ))}
    </section>
  );
}

function NutrientCells(props: {
  grams?: number;
  nutrients: Nutrients;
  language: string;
}): React.JSX.Element {
  const { nutrients, language } = props;
  return (
    <>
      {props.grams !== undefined ? <td>{formatNumber(props.grams, language)}</td> : null}
      <td>{formatNumber(nutrients.kcal, language)}</td>
      <td>{formatNumber(nutrients.protein, language, 1)}</td>
      <td>{formatNumber(nutrients.carbs, language, 1)}</td>
      <td>{formatNumber(nutrients.fat, language, 1)}</td>
    </>
  );
}

function AcceptForm(props: {
  plan: MealPlan;
  onAccepted(result: MealPlanAccepted): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const coachApi = useCoachApi();
  const me = useMe();
  const queryClient = useQueryClient();
  const today = todayIn(me.data?.timeZone);
  const [startDate, setStartDate] = useState(addDays(today, 1));
  const accept = useMutation({
    mutationFn: (date: string) => coachApi.acceptMealPlan(props.plan.id, date),
    onSuccess: (accepted) => {
      props.onAccepted(accepted);
      queryClient.setQueryData<MealPlan[]>(coachKeys.mealPlans, (plans) =>
        plans?.map((plan) => (plan.id === accepted.plan.id ? accepted.plan : plan)),
      );
    },
  });
  const minimum = addDays(today, -START_DAYS_BACK);
  const maximum = addDays(today, START_DAYS_AHEAD);
  const isValid = isLocalDate(startDate) && startDate >= minimum && startDate <= maximum;

  return (
    <form
      noValidate
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (isValid) accept.mutate(startDate);
      }}
    >
      <TextField
        label={t("coach.plans.startDate")}
        type="date"
        min={minimum}
        max={maximum}
        value={startDate}
        onChange={(event) => setStartDate(event.target.value)}
        error={isValid ? undefined : t("coach.plans.startDateRange", { minimum, maximum })}
      />
      <button type="submit" className="button button-primary" disabled={accept.isPending}>
        {t("coach.plans.accept")}
      </button>
      <CoachProblem
        error={accept.error}
        messages={{ conflict: t("coach.plans.alreadyAccepted") }}
      />
    </form>
  );
}

function AcceptedDays(props: { result: MealPlanAccepted }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Alert tone="success" title={t("coach.plans.acceptedTitle")}>
      <ul>
        {props.result.days.map((day) => (
          <li key={day.date}>
            <Link to={`/day/${day.date}`}>{day.date}</Link>:{" "}
            {t("coach.plans.mealsCreated", { meals: day.mealsCreated })}
          </li>
        ))}
      </ul>
    </Alert>
  );
}

function formatSigned(value: number, language: string): string {
  return new Intl.NumberFormat(language, {
    maximumFractionDigits: 1,
    signDisplay: "exceptZero",
  }).format(value);
}
