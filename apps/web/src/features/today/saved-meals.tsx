import { useEffect, useId, useRef, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { MEAL_TYPES, SAVED_MEAL_NAME_MAX_LENGTH, savedMealCreateSchema } from "@fitcoach/contract";
import type { Meal, MealType } from "@fitcoach/contract";

import { useFormSubmit } from "../../forms/use-form-submit";
import { Alert } from "../../ui/alert";
import { ProblemAlert } from "../../ui/problem-alert";
import { SelectField } from "../../ui/select-field";
import { TextField } from "../../ui/text-field";
import { useRefreshDay, useTrackingApi } from "./day-queries";
import { MEAL_TYPE_LABEL_KEYS } from "./meal-types";
import { formatAmount } from "./number-input";

/** Saved meals of one page; the picker lists the newest ones. */
const SAVED_MEALS_PAGE_SIZE = 100;
const SAVED_MEALS_KEY = ["saved-meals"] as const;

/** Saves a logged meal as a saved meal under a name the user types. */
export function SaveAsSavedMeal(props: { meal: Meal; label: string }): React.JSX.Element {
  const { t } = useTranslation();
  const api = useTrackingApi();
  const queryClient = useQueryClient();
  const [isOpen, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [savedName, setSavedName] = useState<string | null>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);

  // Closing the form, by saving or cancelling, returns focus to the button that opened it.
  useEffect(() => {
    if (wasOpen.current && !isOpen) openButton.current?.focus();
    wasOpen.current = isOpen;
  }, [isOpen]);

  const form = useFormSubmit(savedMealCreateSchema, async (savedMeal) => {
    const saved = await api.savedMeals.createSavedMeal(savedMeal);
    setSavedName(saved.name);
    setOpen(false);
    await queryClient.invalidateQueries({ queryKey: SAVED_MEALS_KEY });
  });

  if (!isOpen) {
    return (
      <>
        <button
          ref={openButton}
          type="button"
          className="button"
          onClick={() => {
            setName(t(MEAL_TYPE_LABEL_KEYS[props.meal.type]));
            setSavedName(null);
            setOpen(true);
          }}
        >
          {t("today.savedMeals.saveAs")}
          <span className="visually-hidden"> {props.label}</span>
        </button>
        {savedName !== null ? (
          <Alert tone="success">{t("today.savedMeals.saved", { name: savedName })}</Alert>
        ) : null}
      </>
    );
  }

  return (
    <form
      noValidate
      className="inline-form"
      aria-label={t("today.savedMeals.saveAsForm", { label: props.label })}
      onSubmit={(event) => {
        event.preventDefault();
        void form.submit({ name, mealId: props.meal.id });
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape") setOpen(false);
      }}
    >
      <TextField
        label={t("today.savedMeals.name")}
        autoComplete="off"
        autoFocus
        maxLength={SAVED_MEAL_NAME_MAX_LENGTH}
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={form.fieldErrors.name}
      />
      <button type="submit" className="button button-primary" disabled={form.isPending}>
        {t("today.savedMeals.save")}
      </button>
      <button type="button" className="button" onClick={() => setOpen(false)}>
        {t("today.edit.cancel")}
      </button>
      <ProblemAlert error={form.fieldErrors.name ? null : form.error} />
    </form>
  );
}

/** Picks one of the user's saved meals and logs a copy of it on the day. */
export function SavedMealPicker(props: { date: string }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const api = useTrackingApi();
  const refreshDay = useRefreshDay(props.date);
  const headingId = useId();
  const [savedMealId, setSavedMealId] = useState("");
  const [type, setType] = useState<MealType | "">("");
  const [typeError, setTypeError] = useState<string | undefined>();
  const savedMeals = useQuery({
    queryKey: SAVED_MEALS_KEY,
    queryFn: ({ signal }) =>
      api.savedMeals.listSavedMeals({ limit: SAVED_MEALS_PAGE_SIZE }, signal),
  });
  const log = useMutation({
    mutationFn: (input: { id: string; type: MealType | "" }) =>
      api.savedMeals.logSavedMeal(input.id, {
        date: props.date,
        ...(input.type === "" ? {} : { type: input.type }),
      }),
    onSuccess: refreshDay,
  });
  const items = savedMeals.data?.items ?? [];
  const chosenId = savedMealId || (items[0]?.id ?? "");

  return (
    <section className="saved-meals" aria-labelledby={headingId}>
      <h3 id={headingId}>{t("today.savedMeals.title")}</h3>
      <ProblemAlert error={savedMeals.error} />
      {savedMeals.isPending ? <p className="muted">{t("common.loading")}</p> : null}
      {savedMeals.data && items.length === 0 ? (
        <p className="muted">{t("today.savedMeals.none")}</p>
      ) : null}
      {items.length > 0 ? (
        <form
          noValidate
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            const chosen = items.find((item) => item.id === chosenId);
            if (!chosen) return;
            // The server needs a type for a saved meal stored without one.
            if (type === "" && chosen.type === null) {
              setTypeError(t("today.savedMeals.typeRequired"));
              return;
            }
            setTypeError(undefined);
            log.mutate({ id: chosen.id, type });
          }}
        >
          <SelectField
            label={t("today.savedMeals.savedMeal")}
            value={chosenId}
            onChange={(event) => setSavedMealId(event.target.value)}
            options={items.map((item) => ({
              value: item.id,
              label:
                item.totals.kcal === null
                  ? item.name
                  : t("today.savedMeals.option", {
                      name: item.name,
                      kcal: formatAmount(item.totals.kcal, i18n.language),
                    }),
            }))}
          />
          <SelectField
            label={t("today.meals.type")}
            value={type}
            onChange={(event) => setType(event.target.value as MealType | "")}
            options={[
              { value: "", label: t("today.savedMeals.typeAsSaved") },
              ...MEAL_TYPES.map((value) => ({ value, label: t(MEAL_TYPE_LABEL_KEYS[value]) })),
            ]}
            error={typeError}
          />
          <button type="submit" className="button" disabled={log.isPending}>
            {t("today.savedMeals.add")}
          </button>
        </form>
      ) : null}
      <ProblemAlert error={log.error} />
    </section>
  );
}
