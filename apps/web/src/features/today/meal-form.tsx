import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { MEAL_TYPES, mealCreateSchema } from "@fitcoach/contract";
import type { MealType } from "@fitcoach/contract";

import { useFormSubmit } from "../../forms/use-form-submit";
import { ProblemAlert } from "../../ui/problem-alert";
import { SelectField } from "../../ui/select-field";
import { useRefreshDay, useTrackingApi } from "./day-queries";
import { FoodSearch } from "./food-search";
import { itemInputOf } from "./meal-draft-items";
import type { DraftMealItem } from "./meal-draft-items";
import { DraftItemList, FreeItemFields, MealNoteField } from "./meal-item-fields";
import { MEAL_TYPE_LABEL_KEYS } from "./meal-types";

/**
 * Composes a meal from catalog foods, custom foods and free entries, with an optional note, and
 * saves it. The server computes the nutrients of catalog and custom foods.
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
  const [note, setNote] = useState("");

  const form = useFormSubmit(mealCreateSchema, async (meal) => {
    await api.foods.createMeal(meal);
    setItems([]);
    setNote("");
    await refreshDay();
  });

  return (
    <form
      noValidate
      className="meal-form"
      aria-labelledby={headingId}
      onSubmit={(event) => {
        event.preventDefault();
        void form.submit({
          date: props.date,
          type,
          items: items.map(itemInputOf),
          note: note.trim() === "" ? null : note,
        });
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
      <FreeItemFields onAdd={(item) => setItems((current) => [...current, item])} />
      <DraftItemList items={items} errors={form.fieldErrors} onChange={setItems} />
      {form.fieldErrors.items ? <p className="field-error">{form.fieldErrors.items}</p> : null}
      <MealNoteField value={note} error={form.fieldErrors.note} onChange={setNote} />
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
