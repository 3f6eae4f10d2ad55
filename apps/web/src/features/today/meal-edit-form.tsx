import { useState } from "react";
import { useTranslation } from "react-i18next";
import { MEAL_TYPES, mealPatchSchema } from "@fitcoach/contract";
import type { Meal, MealType } from "@fitcoach/contract";

import { SelectField } from "../../ui/select-field";
import { useTrackingApi } from "./day-queries";
import { EditForm, useEditSubmit } from "./entry-editing";
import { FoodSearch } from "./food-search";
import { draftItemOfMealItem, itemInputOf } from "./meal-draft-items";
import type { DraftMealItem } from "./meal-draft-items";
import { DraftItemList, FreeItemFields, MealNoteField } from "./meal-item-fields";
import { MEAL_TYPE_LABEL_KEYS } from "./meal-types";

/**
 * Edits a logged meal in place: its type, the amount of each item, added and removed items, and
 * the note. The items are sent as a whole list, which replaces the meal's items on the server.
 */
export function MealEditForm(props: {
  meal: Meal;
  label: string;
  refreshDay: () => Promise<void>;
  onDone(): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const api = useTrackingApi();
  const { meal } = props;
  const [type, setType] = useState<MealType>(meal.type);
  const [items, setItems] = useState<DraftMealItem[]>(() => meal.items.map(draftItemOfMealItem));
  const [note, setNote] = useState(meal.note ?? "");
  const form = useEditSubmit(
    mealPatchSchema,
    async (patch) => {
      await api.foods.updateMeal(meal, patch);
      await props.refreshDay();
      props.onDone();
    },
    props.refreshDay,
  );

  return (
    <EditForm
      className="meal-form"
      label={props.label}
      form={form}
      onSubmit={() =>
        void form.submit({
          type,
          items: items.map(itemInputOf),
          note: note.trim() === "" ? null : note,
        })
      }
      onCancel={props.onDone}
    >
      <SelectField
        label={t("today.meals.type")}
        value={type}
        onChange={(event) => setType(event.target.value as MealType)}
        options={MEAL_TYPES.map((value) => ({ value, label: t(MEAL_TYPE_LABEL_KEYS[value]) }))}
        error={form.fieldErrors.type}
      />
      <DraftItemList items={items} errors={form.fieldErrors} onChange={setItems} />
      {form.fieldErrors.items ? <p className="field-error">{form.fieldErrors.items}</p> : null}
      <FoodSearch onAdd={(item) => setItems((current) => [...current, item])} />
      <FreeItemFields onAdd={(item) => setItems((current) => [...current, item])} />
      <MealNoteField value={note} error={form.fieldErrors.note} onChange={setNote} />
    </EditForm>
  );
}
