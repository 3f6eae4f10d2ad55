import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { MEAL_TYPES, mealCreateSchema } from "@fitcoach/contract";
import type { MealType } from "@fitcoach/contract";

import { useFormSubmit } from "../../forms/use-form-submit";
import { ProblemAlert } from "../../ui/problem-alert";
import { SelectField } from "../../ui/select-field";
import { useRefreshDay, useTrackingApi } from "./day-queries";
import { FoodSearch } from "./food-search";
import type { DraftMealItem } from "./meal-draft-items";
import { MEAL_TYPE_LABEL_KEYS } from "./meal-types";

/**
 * Composes a meal from catalog and custom foods and saves it; the server computes its nutrients.
 * NOTE: free items typed with their own kcal ({name, grams, kcal}) and the meal note are accepted
 * by the API but have no fields here yet.
 */
export function MealForm(props: {
  date: string;
  initialType?: MealType;
  initialItems?: DraftMealItem[];
}): React.JSX.Element {
  const { t } = useTranslation();
  const api = useTrackingApi();
  const refreshDay = useRefreshDay(props.date);
  const headingId = useId();
  const [type, setType] = useState<MealType>(props.initialType ?? "breakfast");
  const [items, setItems] = useState<DraftMealItem[]>(props.initialItems ?? []);

  const form = useFormSubmit(mealCreateSchema, async (meal) => {
    await api.foods.createMeal(meal);
    setItems([]);
    await refreshDay();
  });

  return (
    <form
      noValidate
      className="meal-form"
      aria-labelledby={headingId}
      onSubmit={(event) => {
        event.preventDefault();
        void form.submit({ date: props.date, type, items: items.map((item) => item.input) });
      }}
    >
      <h3 id={headingId}>{t("today.meals.addMeal")}</h3>
      <SelectField
        label={t("today.meals.type")}
        value={type}
        onChange={(event) => setType(event.target.value as MealType)}
        options={MEAL_TYPES.map((value) => ({ value, label: t(MEAL_TYPE_LABEL_KEYS[value]) }))}
        error={form.fieldErrors.type}
      />
      <FoodSearch onAdd={(item) => setItems((current) => [...current, item])} />
      {items.length > 0 ? (
        <ul className="item-list" aria-label={t("today.meals.draftItems")}>
          {items.map((item, index) => {
            const errors = Object.entries(form.fieldErrors)
              .filter(
                ([field]) => field.startsWith(`items.${index}.`) || field === `items.${index}`,
              )
              .map(([, message]) => message);
            return (
              <li key={item.key} className="item">
                <div>
                  <p className="item-title">{item.name}</p>
                  <p className="item-meta">{item.amountLabel}</p>
                  {errors.map((message) => (
                    <p key={message} className="field-error">
                      {message}
                    </p>
                  ))}
                </div>
                <button
                  type="button"
                  className="button"
                  onClick={() =>
                    setItems((current) => current.filter((entry) => entry.key !== item.key))
                  }
                >
                  {t("today.meals.removeItem")}
                  <span className="visually-hidden"> {item.name}</span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="muted">{t("today.meals.noDraftItems")}</p>
      )}
      {form.fieldErrors.items ? <p className="field-error">{form.fieldErrors.items}</p> : null}
      <ProblemAlert error={form.error} />
      <button
        type="submit"
        className="button button-primary"
        disabled={form.isPending || items.length === 0}
      >
        {t("today.meals.saveMeal")}
      </button>
    </form>
  );
}
