import { useId, useState } from "react";
import { useNavigate } from "react-router";
import { useTranslation } from "react-i18next";
import { MEAL_SLOTS } from "@fitcoach/contract";
import type { MealPhotoDraft, MealSlot } from "@fitcoach/contract";

import { useMe } from "../../../app/me-query";
import { SelectField } from "../../../ui/select-field";
import { TextField } from "../../../ui/text-field";
import { isLocalDate, todayIn } from "../../today/local-date";
import { formatNumber } from "../units";
import { draftTotals, itemNutrients, toDraftItems, toHandoff } from "./meal-draft";
import type { DraftItem } from "./meal-draft";

const GRAMS_MAX = 2000;

/**
 * Renders the foods the model found for the user to correct: change grams, drop wrong items, pick
 * the meal and day, then confirm. Nothing is stored here.
 */
export function DraftEditor(props: { draft: MealPhotoDraft }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const headingId = useId();
  const [items, setItems] = useState<DraftItem[]>(() => toDraftItems(props.draft));
  const [slot, setSlot] = useState<MealSlot>("lunch");
  const [date, setDate] = useState(todayIn(me.data?.timeZone));
  const totals = draftTotals(items);
  const language = i18n.language;
  const hasMatchedItem = items.some((item) => item.foodId !== null && item.grams > 0);

  function setGrams(key: string, text: string): void {
    const grams = Math.min(Math.max(Number(text.replace(",", ".")) || 0, 0), GRAMS_MAX);
    setItems((current) => current.map((item) => (item.key === key ? { ...item, grams } : item)));
  }

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("coach.photo.draftTitle")}</h2>
      <p>{t("coach.photo.draftIntro")}</p>
      {items.length === 0 ? <p className="muted">{t("coach.photo.noItems")}</p> : null}
      <ul className="draft-items">
        {items.map((item) => {
          const nutrients = itemNutrients(item);
          return (
            <li key={item.key} className="draft-item">
              <p className="item-title">{item.description ?? item.label}</p>
              <p className="item-meta">
                {t("coach.photo.seenAs", {
                  label: item.label,
                  confidence: Math.round(item.confidence * 100),
                })}
                {item.foodId === null ? ` ${t("coach.photo.noMatch")}` : ""}
              </p>
              <TextField
                label={t("coach.photo.grams", { food: item.description ?? item.label })}
                type="number"
                inputMode="decimal"
                min={0}
                max={GRAMS_MAX}
                value={String(item.grams)}
                onChange={(event) => setGrams(item.key, event.target.value)}
              />
              {nutrients ? (
                <p>{t("units.kcal", { value: formatNumber(nutrients.kcal, language) })}</p>
              ) : null}
              <button
                type="button"
                className="button"
                onClick={() =>
                  setItems((current) => current.filter((entry) => entry.key !== item.key))
                }
              >
                {t("coach.photo.remove")}
                <span className="visually-hidden"> {item.description ?? item.label}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <p>
        {t("coach.photo.totals", {
          kcal: formatNumber(totals.kcal, language),
          protein: formatNumber(totals.protein, language, 1),
          carbs: formatNumber(totals.carbs, language, 1),
          fat: formatNumber(totals.fat, language, 1),
        })}
      </p>
      <form
        noValidate
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!hasMatchedItem || !isLocalDate(date)) return;
          // NOTE: the day screen must read `mealDraft` from the router state to pre-fill its meal
          // form; the coach API stores nothing for a photo.
          void navigate(`/day/${date}`, { state: { mealDraft: toHandoff(items, date, slot) } });
        }}
      >
        <SelectField
          label={t("coach.photo.slot")}
          value={slot}
          onChange={(event) => setSlot(event.target.value as MealSlot)}
          options={MEAL_SLOTS.map((value) => ({ value, label: t(`coach.mealSlots.${value}`) }))}
        />
        <TextField
          label={t("coach.photo.date")}
          type="date"
          value={date}
          onChange={(event) => setDate(event.target.value)}
        />
        <button type="submit" className="button button-primary" disabled={!hasMatchedItem}>
          {t("coach.photo.confirm")}
        </button>
      </form>
    </section>
  );
}
