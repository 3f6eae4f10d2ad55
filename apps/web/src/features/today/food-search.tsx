import { useState } from "react";
import { useTranslation } from "react-i18next";
import { mealItemInputSchema } from "@fitcoach/contract";
import type { Food } from "@fitcoach/contract";

import { validateWith } from "../../forms/validation";
import { SelectField } from "../../ui/select-field";
import { TextField } from "../../ui/text-field";
import { useTrackingApi } from "./day-queries";
import { draftItemOf } from "./meal-draft-items";
import type { DraftMealItem } from "./meal-draft-items";
import { formatAmount, parseNumberInput } from "./number-input";
import { SearchBox } from "./search-box";
import { useDebouncedSearch } from "./use-debounced-search";

const GRAMS_OPTION = "grams";

/** Searches the food catalog and custom foods, then adds the picked food with an amount. */
export function FoodSearch(props: { onAdd(item: DraftMealItem): void }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const api = useTrackingApi();
  const [food, setFood] = useState<Food | null>(null);
  const search = useDebouncedSearch("foods", (q, signal) =>
    api.foods.searchFoods({ q, limit: 10 }, signal),
  );

  return (
    <div className="food-search">
      <SearchBox
        search={search}
        label={t("today.meals.searchFood")}
        hint={t("today.meals.searchHint")}
        emptyText={t("today.meals.noFoods")}
        resultsLabel={t("today.meals.foodResults")}
        renderResult={(item) => (
          <>
            <button
              type="button"
              className="button-link"
              aria-pressed={food?.id === item.id}
              onClick={() => setFood(item)}
            >
              {item.name}
            </button>
            {item.per100g.kcal !== null ? (
              <span className="muted">
                {" "}
                {t("today.meals.per100g", {
                  kcal: formatAmount(item.per100g.kcal, i18n.language),
                })}
              </span>
            ) : null}
          </>
        )}
      />
      {food ? (
        <AmountPicker
          key={food.id}
          food={food}
          onAdd={(item) => {
            props.onAdd(item);
            setFood(null);
            search.setQuery("");
          }}
        />
      ) : null}
    </div>
  );
}

/** Chooses how much of a food: a household portion times a quantity, or grams. */
function AmountPicker(props: { food: Food; onAdd(item: DraftMealItem): void }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const { food } = props;
  const [portionId, setPortionId] = useState(food.portions[0]?.id ?? GRAMS_OPTION);
  const [amount, setAmount] = useState(food.portions.length > 0 ? "1" : "100");
  const [error, setError] = useState<string | undefined>();
  const isGrams = portionId === GRAMS_OPTION;
  const language = i18n.language;

  function add(): void {
    const value = parseNumberInput(amount);
    const input = isGrams
      ? { foodId: food.id, grams: value }
      : { foodId: food.id, portionId, quantity: value };
    const result = validateWith(mealItemInputSchema, input, t);
    if (!result.ok) {
      setError(Object.values(result.errors)[0]);
      return;
    }

    const portion = food.portions.find((item) => item.id === portionId);
    const chosen = portion ? { portionId, quantity: value ?? 0 } : { grams: value ?? 0 };
    props.onAdd(draftItemOf(food, chosen, portion?.unit ?? null));
  }

  return (
    <fieldset className="amount-picker">
      <legend>{food.name}</legend>
      <div className="field-row">
        <SelectField
          label={t("today.meals.portion")}
          value={portionId}
          onChange={(event) => setPortionId(event.target.value)}
          options={[
            ...food.portions.map((portion) => ({
              value: portion.id,
              label: t("today.meals.portionOption", {
                amount: formatAmount(portion.amount, language, 2),
                unit: portion.unit,
                grams: formatAmount(portion.grams, language, 1),
              }),
            })),
            { value: GRAMS_OPTION, label: t("today.meals.inGrams") },
          ]}
        />
        <TextField
          label={isGrams ? t("today.meals.grams") : t("today.meals.quantity")}
          inputMode="decimal"
          autoComplete="off"
          value={amount}
          onChange={(event) => setAmount(event.target.value)}
          onKeyDown={(event) => {
            if (event.key !== "Enter") return;
            event.preventDefault();
            add();
          }}
          error={error}
        />
      </div>
      <button type="button" className="button" onClick={add}>
        {t("today.meals.addItem")}
      </button>
    </fieldset>
  );
}
