import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { MEAL_TYPES } from "@fitcoach/contract";
import type { DayCard, Meal, MealItem } from "@fitcoach/contract";

import { ProblemAlert } from "../../ui/problem-alert";
import { DaySection } from "./day-section";
import { DayTotals } from "./day-totals";
import { useRefreshDay, useTrackingApi } from "./day-queries";
import { MealForm } from "./meal-form";
import type { DraftMealItem } from "./meal-draft-items";
import { MEAL_TYPE_LABEL_KEYS } from "./meal-types";
import { formatAmount } from "./number-input";
import { NUTRIENT_LABEL_KEYS, SHOWN_NUTRIENTS, formatNutrient } from "./nutrition";
import type { MealDraftHandoff } from "../coach/photo/meal-draft";

/** Meals of the day grouped by type, their totals, and the form that adds one. */
export function MealsSection(props: {
  day: DayCard;
  draft: MealDraftHandoff | null;
  draftItems: DraftMealItem[];
}): React.JSX.Element {
  const { t } = useTranslation();
  const api = useTrackingApi();
  const refreshDay = useRefreshDay(props.day.date);
  const remove = useMutation({
    mutationFn: (meal: Meal) => api.foods.deleteMeal(meal),
    onSettled: refreshDay,
  });

  return (
    <DaySection title={t("today.sections.meals.title")} className="day-section-wide">
      <DayTotals day={props.day} />
      {MEAL_TYPES.map((type) => {
        const meals = props.day.meals.filter((meal) => meal.type === type);
        return (
          <section key={type} className="meal-type" aria-label={t(MEAL_TYPE_LABEL_KEYS[type])}>
            <h3>{t(MEAL_TYPE_LABEL_KEYS[type])}</h3>
            {meals.length === 0 ? <p className="muted">{t("today.nothingLogged")}</p> : null}
            {meals.map((meal, index) => (
              <MealCard
                key={meal.id}
                meal={meal}
                label={t("today.meals.mealNumber", {
                  type: t(MEAL_TYPE_LABEL_KEYS[type]),
                  number: index + 1,
                })}
                isDeleting={remove.isPending}
                onDelete={() => remove.mutate(meal)}
              />
            ))}
          </section>
        );
      })}
      <ProblemAlert error={remove.error} />
      <MealForm
        key={props.draft ? "draft" : "empty"}
        date={props.day.date}
        initialType={props.draft?.slot}
        initialItems={props.draftItems}
      />
    </DaySection>
  );
}

function MealCard(props: {
  meal: Meal;
  label: string;
  isDeleting: boolean;
  onDelete(): void;
}): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const { meal } = props;
  const language = i18n.language;

  return (
    <article className="meal" aria-label={props.label}>
      <ul className="item-list">
        {meal.items.map((item) => (
          <li key={item.id} className="item">
            <div>
              <p className="item-title">{item.name}</p>
              <p className="item-meta">{amountOf(item, language, t)}</p>
            </div>
            <p>{formatNutrient("kcal", item.kcal, language, t)}</p>
          </li>
        ))}
      </ul>
      <p className="meal-totals">
        {SHOWN_NUTRIENTS.map((nutrient) => (
          <span key={nutrient}>
            {t(NUTRIENT_LABEL_KEYS[nutrient])}:{" "}
            {formatNutrient(nutrient, meal.totals[nutrient], language, t)}
          </span>
        ))}
      </p>
      <button
        type="button"
        className="button button-danger"
        disabled={props.isDeleting}
        onClick={props.onDelete}
      >
        {t("today.meals.deleteMeal")}
        <span className="visually-hidden"> {props.label}</span>
      </button>
    </article>
  );
}

function amountOf(
  item: MealItem,
  language: string,
  t: (key: string, options: Record<string, string>) => string,
): string {
  const grams = t("units.g", { value: formatAmount(item.grams, language, 1) });
  if (item.portionLabel === null) return grams;
  return t("today.meals.portionLogged", {
    quantity: formatAmount(item.quantity ?? 1, language, 2),
    unit: item.portionLabel,
    grams,
  });
}
