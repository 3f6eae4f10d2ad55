import { useTranslation } from "react-i18next";
import type { DayCard } from "@fitcoach/contract";

import { NUTRIENT_LABEL_KEYS, SHOWN_NUTRIENTS, formatNutrient, nutrientGoal } from "./nutrition";

/** Shows the day's energy and macronutrients, as the server summed them, against the goals. */
export function DayTotals(props: { day: DayCard }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const { day } = props;

  return (
    <>
      <dl className="nutrient-grid" aria-label={t("today.meals.dayTotals")}>
        {SHOWN_NUTRIENTS.map((nutrient) => {
          const goal = nutrientGoal(day, nutrient);
          const actual = formatNutrient(nutrient, day.totals[nutrient] ?? 0, i18n.language, t);
          return (
            <div key={nutrient}>
              <dt>{t(NUTRIENT_LABEL_KEYS[nutrient])}</dt>
              <dd>
                {goal === null
                  ? actual
                  : t("today.meals.ofGoal", {
                      actual,
                      goal: formatNutrient(nutrient, goal, i18n.language, t),
                    })}
              </dd>
            </div>
          );
        })}
      </dl>
      {day.totals.incomplete.length > 0 ? (
        <p className="field-hint">{t("today.meals.incomplete")}</p>
      ) : null}
    </>
  );
}
