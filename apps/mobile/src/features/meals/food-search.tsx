import { useEffect, useState } from "react";
import type { ReactElement } from "react";
import { useTranslation } from "react-i18next";
import { NetworkError } from "@fitcoach/client";
import { foodPageSchema } from "@fitcoach/contract";
import type { Food } from "@fitcoach/contract";

import { formatNumber } from "../../i18n/format";
import { useRuntime } from "../../session/session-provider";
import { Button } from "../../ui/button";
import { ProblemNotice } from "../../ui/problem-notice";
import { HelpText } from "../../ui/section";
import { TextField } from "../../ui/text-field";
import { rememberFoods, searchLocalFoods } from "../offline/user-foods";

/** Pause after the last keystroke before the server is asked, so typing sends few requests. */
export const FOOD_SEARCH_DELAY_MS = 300;

/**
 * Searches the food catalog and the user's own foods on the server, and the foods kept on the
 * device when the server cannot be reached.
 */
export function FoodSearch(props: { onPick(food: Food): void }): ReactElement {
  const { t, i18n } = useTranslation();
  const runtime = useRuntime();
  const [text, setText] = useState("");
  const [results, setResults] = useState<Food[]>([]);
  const [isOffline, setOffline] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let isCurrent = true;
    const query = text.trim();
    if (!query) {
      setResults([]);
      return;
    }

    const timer = setTimeout(() => {
      void search(query).then((outcome) => {
        if (!isCurrent) return;
        setResults(outcome.foods);
        setOffline(outcome.isOffline);
        setError(outcome.error);
      });
    }, FOOD_SEARCH_DELAY_MS);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };

    async function search(
      query: string,
    ): Promise<{ foods: Food[]; isOffline: boolean; error: unknown }> {
      try {
        const page = await runtime.api.request({
          path: "/foods",
          query: { q: query, limit: 20 },
          schema: foodPageSchema,
        });
        await rememberFoods(runtime.database, page.items);
        return { foods: page.items, isOffline: false, error: null };
      } catch (caught) {
        const local = await searchLocalFoods(runtime.database, query);
        return {
          foods: local,
          isOffline: caught instanceof NetworkError,
          error: caught instanceof NetworkError ? null : caught,
        };
      }
    }
  }, [runtime, text]);

  return (
    <>
      <TextField
        label={t("meals.search.label")}
        value={text}
        onChangeText={setText}
        autoCapitalize="none"
        help={t("meals.search.help")}
      />
      {isOffline ? <HelpText>{t("meals.search.offline")}</HelpText> : null}
      <ProblemNotice error={error} />
      {text.trim() && results.length === 0 ? <HelpText>{t("meals.search.none")}</HelpText> : null}
      {results.map((food) => (
        <Button
          key={food.id}
          variant="secondary"
          label={
            food.per100g.kcal === null
              ? food.name
              : t("meals.search.result", {
                  name: food.name,
                  kcal: formatNumber(food.per100g.kcal, i18n.language, 0),
                })
          }
          accessibilityLabel={t("meals.search.add", { name: food.name })}
          onPress={() => {
            props.onPick(food);
            setText("");
          }}
        />
      ))}
    </>
  );
}
