import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  FOOD_NAME_MAX_LENGTH,
  MEAL_NOTE_MAX_LENGTH,
  mealItemInputSchema,
} from "@fitcoach/contract";

import type { FieldErrors } from "../../forms/validation";
import { validateWith } from "../../forms/validation";
import { TextField } from "../../ui/text-field";
import { draftItemOfFreeEntry, itemInputOf } from "./meal-draft-items";
import type { DraftMealItem } from "./meal-draft-items";
import { formatAmount, parseNumberInput } from "./number-input";

/** Lists the items of a meal being composed or edited, each with its amount and a Remove button. */
export function DraftItemList(props: {
  items: DraftMealItem[];
  errors: FieldErrors;
  onChange(items: DraftMealItem[]): void;
}): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const language = i18n.language;

  if (props.items.length === 0) return <p className="muted">{t("today.meals.noDraftItems")}</p>;

  function setAmount(key: string, amountText: string): void {
    props.onChange(props.items.map((item) => (item.key === key ? { ...item, amountText } : item)));
  }

  return (
    <ul className="item-list" aria-label={t("today.meals.draftItems")}>
      {props.items.map((item, index) => {
        const prefix = `items.${index}`;
        const amountField = item.kind === "portion" ? "quantity" : "grams";
        const otherErrors = Object.entries(props.errors)
          .filter(([field]) => field === prefix || field.startsWith(`${prefix}.`))
          .filter(([field]) => field !== `${prefix}.${amountField}`)
          .map(([, message]) => message);
        return (
          <li key={item.key} className="item draft-item">
            <div>
              <p className="item-title">{item.name}</p>
              <p className="item-meta">{describeDraftAmount(item, language, t)}</p>
              {otherErrors.map((message) => (
                <p key={message} className="field-error">
                  {message}
                </p>
              ))}
            </div>
            <TextField
              className="amount-field"
              label={
                item.kind === "portion"
                  ? t("today.meals.itemQuantity", { name: item.name, unit: item.portionUnit })
                  : t("today.meals.itemGrams", { name: item.name })
              }
              inputMode="decimal"
              autoComplete="off"
              value={item.amountText}
              onChange={(event) => setAmount(item.key, event.target.value)}
              onKeyDown={(event) => {
                if (event.key === "Enter") event.preventDefault();
              }}
              error={props.errors[`${prefix}.${amountField}`]}
            />
            <button
              type="button"
              className="button"
              onClick={() => props.onChange(props.items.filter((entry) => entry.key !== item.key))}
            >
              {t("today.meals.removeItem")}
              <span className="visually-hidden"> {item.name}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

function describeDraftAmount(
  item: DraftMealItem,
  language: string,
  t: (key: string, options: Record<string, string>) => string,
): string {
  const amount = parseNumberInput(item.amountText);
  const amountText = Number.isFinite(amount) ? formatAmount(amount ?? 0, language, 2) : "–";
  if (item.kind === "portion") {
    return t("today.meals.portionAmount", { quantity: amountText, unit: item.portionUnit ?? "" });
  }
  const grams = t("units.g", { value: amountText });
  if (item.kind === "grams") return grams;
  const kcal = itemInputOf(item).kcal;
  if (kcal === undefined || !Number.isFinite(kcal)) return grams;
  return t("today.meals.freeItemAmount", {
    grams,
    kcal: t("units.kcal", { value: formatAmount(kcal, language) }),
  });
}

/** Fields of a free entry, in display order. */
export const MEAL_FREE_ITEM_FIELDS = [
  "name",
  "grams",
  "kcal",
  "protein",
  "carbs",
  "fat",
  "fiber",
] as const;
type FreeField = (typeof MEAL_FREE_ITEM_FIELDS)[number];
const EMPTY_FREE_ITEM: Record<FreeField, string> = {
  name: "",
  grams: "",
  kcal: "",
  protein: "",
  carbs: "",
  fat: "",
  fiber: "",
};

/**
 * Adds an item that is not in the catalog, with its weight and nutrients typed for the whole item.
 * Protein, carbs and fat are optional; left blank they count as unknown, not zero.
 */
export function FreeItemFields(props: { onAdd(item: DraftMealItem): void }): React.JSX.Element {
  const { t } = useTranslation();
  const [values, setValues] = useState(EMPTY_FREE_ITEM);
  const [errors, setErrors] = useState<FieldErrors>({});

  function add(): void {
    const input: Record<string, unknown> = {
      name: values.name,
      grams: parseNumberInput(values.grams),
    };
    for (const field of ["kcal", "protein", "carbs", "fat", "fiber"] as const) {
      const value = parseNumberInput(values[field]);
      if (value !== undefined || field === "kcal") input[field] = value;
    }
    const result = validateWith(mealItemInputSchema, input, t);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }

    setErrors({});
    setValues(EMPTY_FREE_ITEM);
    props.onAdd(draftItemOfFreeEntry(result.data));
  }

  return (
    <fieldset className="free-item">
      <legend>{t("today.meals.freeItem")}</legend>
      <div className="field-grid">
        {MEAL_FREE_ITEM_FIELDS.map((field) => (
          <TextField
            key={field}
            label={t(`today.meals.freeFields.${field}`)}
            inputMode={field === "name" ? "text" : "decimal"}
            // The shared "name" message states the profile name limit, so the field caps length.
            maxLength={field === "name" ? FOOD_NAME_MAX_LENGTH : undefined}
            autoComplete="off"
            value={values[field]}
            onChange={(event) =>
              setValues((current) => ({ ...current, [field]: event.target.value }))
            }
            onKeyDown={(event) => {
              // Enter adds the item instead of saving the whole meal.
              if (event.key !== "Enter") return;
              event.preventDefault();
              add();
            }}
            error={errors[field]}
          />
        ))}
      </div>
      <button type="button" className="button" onClick={add}>
        {t("today.meals.addFreeItem")}
      </button>
    </fieldset>
  );
}

/** Renders the meal's markdown note field. */
export function MealNoteField(props: {
  value: string;
  error?: string;
  onChange(value: string): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const id = useId();

  return (
    <div className="field">
      <label htmlFor={id}>{t("today.meals.note")}</label>
      <textarea
        id={id}
        rows={3}
        maxLength={MEAL_NOTE_MAX_LENGTH}
        value={props.value}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
        onChange={(event) => props.onChange(event.target.value)}
      />
      {props.error ? (
        <p id={`${id}-error`} className="field-error">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}
