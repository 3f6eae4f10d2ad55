import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { MEAL_TYPES } from "@fitcoach/contract";
import type { DayCard, Meal, MealItem } from "@fitcoach/contract";

import { ProblemAlert } from "../../ui/problem-alert";
import { Markdown } from "../coach/markdown";
import { DaySection } from "./day-section";
import { DayTotals } from "./day-totals";
import { useRefreshDay, useTrackingApi } from "./day-queries";
import { EntryActions, useEditingEntry } from "./entry-editing";
import type { EditingEntry } from "./entry-editing";
import { MealEditForm } from "./meal-edit-form";
import { MealForm } from "./meal-form";
import type { DraftMealItem } from "./meal-draft-items";
import { MEAL_TYPE_LABEL_KEYS } from "./meal-types";
import { formatAmount } from "./number-input";
import { NUTRIENT_LABEL_KEYS, SHOWN_NUTRIENTS, formatNutrient } from "./nutrition";
import { SaveAsSavedMeal, SavedMealPicker } from "./saved-meals";
import type { MealDraftHandoff } from "../coach/photo/meal-draft";

/**
 * Meals of the day grouped by type with their totals, edit in place, saved meals, and the form
 * that adds a meal.
 */
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
  const editing = useEditingEntry();

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
                editing={editing}
                refreshDay={refreshDay}
                isDeleting={remove.isPending}
                onDelete={() => remove.mutate(meal)}
              />
            ))}
          </section>
        );
      })}
      <ProblemAlert error={remove.error} />
      <SavedMealPicker date={props.day.date} />
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
  editing: EditingEntry;
  refreshDay: () => Promise<void>;
  isDeleting: boolean;
  onDelete(): void;
}): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const { meal, editing } = props;
  const language = i18n.language;

  if (editing.editingId === meal.id) {
    return (
      <article className="meal" aria-label={props.label}>
        <MealEditForm
          meal={meal}
          label={props.label}
          refreshDay={props.refreshDay}
          onDone={editing.stop}
        />
      </article>
    );
  }

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
      {meal.note ? (
        <div className="meal-note">
          <Markdown source={meal.note} />
        </div>
      ) : null}
      <EntryActions
        label={props.label}
        editButtonRef={editing.editButtonRef(meal.id)}
        isDeleting={props.isDeleting}
        onEdit={() => editing.start(meal.id)}
        onDelete={props.onDelete}
        deleteText={t("today.meals.deleteMeal")}
      />
      <SaveAsSavedMeal meal={meal} label={props.label} />
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
