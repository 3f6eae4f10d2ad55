import { useState } from "react";
import type { ReactElement } from "react";
import { useTranslation } from "react-i18next";
import { MEAL_TYPES, mealCreateSchema } from "@fitcoach/contract";
import type { MealType } from "@fitcoach/contract";

import { useFormSubmit } from "../../forms/use-form-submit";
import { formatNumber } from "../../i18n/format";
import { todayOnDevice } from "../../platform/local-date";
import { useRuntime } from "../../session/session-provider";
import { useWriteQueue } from "../../sync/use-write-queue";
import { Button } from "../../ui/button";
import { ChoiceList } from "../../ui/choice-list";
import { Notice } from "../../ui/notice";
import { ProblemNotice } from "../../ui/problem-notice";
import { Screen } from "../../ui/screen";
import { BodyText, HelpText, Section } from "../../ui/section";
import { queueEntry } from "../today/day-writes";
import { useDay } from "../today/use-day";
import { FoodSearch } from "./food-search";
import { MealItems } from "./meal-items";
import { MealPhotoSection } from "./meal-photo-section";
import { draftToMealRequest, mealTypeAt } from "./meal-draft";
import type { DraftItem } from "./meal-draft";

/** Shows today's meals and a new one: foods from the catalog search, portions, or a recognised photo. */
export function MealsScreen(): ReactElement {
  const { t, i18n } = useTranslation();
  const runtime = useRuntime();
  const date = todayOnDevice();
  const day = useDay(date);
  const { writes } = useWriteQueue();
  const [type, setType] = useState<MealType>(() => mealTypeAt(new Date()));
  const [items, setItems] = useState<DraftItem[]>([]);
  const [isSaved, setSaved] = useState(false);

  const form = useFormSubmit(mealCreateSchema, async (body) => {
    await queueEntry(runtime, "meals", date, body);
    setItems([]);
    setSaved(true);
  });

  function addItems(next: DraftItem[]): void {
    setSaved(false);
    setItems((current) => [...current, ...next]);
  }

  const pendingMeals = writes.filter((write) => write.method === "POST" && write.path === "/meals");
  return (
    <Screen title={t("meals.title")}>
      <Section title={t("meals.today")}>
        {(day.data?.meals ?? []).map((meal) => (
          <BodyText key={meal.id}>
            {t("meals.logged", {
              type: t(`meals.types.${meal.type}`),
              kcal: formatNumber(meal.totals.kcal ?? 0, i18n.language, 0),
            })}
          </BodyText>
        ))}
        {pendingMeals.length > 0 ? (
          <HelpText>{t("meals.pending", { count: pendingMeals.length })}</HelpText>
        ) : null}
        {day.data?.meals.length === 0 && pendingMeals.length === 0 ? (
          <HelpText>{t("meals.none")}</HelpText>
        ) : null}
      </Section>
      <Section title={t("meals.new")}>
        <ChoiceList<MealType>
          label={t("meals.type")}
          choices={MEAL_TYPES.map((value) => ({ value, label: t(`meals.types.${value}`) }))}
          selected={type}
          onSelect={setType}
        />
        <FoodSearch
          onPick={(food) => addItems([{ kind: "food", food, portion: null, amount: "100" }])}
        />
        <MealItems
          items={items}
          errors={form.fieldErrors}
          onChange={(index, item) =>
            setItems((current) =>
              current.map((existing, position) => (position === index ? item : existing)),
            )
          }
          onRemove={(index) =>
            setItems((current) => current.filter((_item, position) => position !== index))
          }
        />
        <ProblemNotice error={form.error} />
        {form.fieldErrors.items ? <Notice tone="error">{form.fieldErrors.items}</Notice> : null}
        {isSaved ? <Notice tone="success">{t("common.saved")}</Notice> : null}
        <Button
          label={t("meals.save")}
          isPending={form.isPending}
          isDisabled={items.length === 0}
          onPress={() => void form.submit(draftToMealRequest(date, type, items))}
        />
      </Section>
      <MealPhotoSection onDraft={addItems} />
    </Screen>
  );
}
