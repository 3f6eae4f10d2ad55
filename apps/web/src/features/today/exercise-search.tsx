import { useId, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { ExerciseSummary } from "@fitcoach/client";

import { ProblemAlert } from "../../ui/problem-alert";
import { TextField } from "../../ui/text-field";
import { useTrackingApi } from "./day-queries";
import { preventSubmitOnEnter, useDebouncedValue } from "./search-input";

const QUERY_MIN_LENGTH = 2;

/** Searches the exercise catalog by name and hands the picked exercise to the workout form. */
export function ExerciseSearch(props: {
  onPick(exercise: ExerciseSummary): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const api = useTrackingApi();
  const resultsId = useId();
  const [query, setQuery] = useState("");
  const search = useDebouncedValue(query.trim());

  const results = useQuery({
    queryKey: ["exercises", search],
    queryFn: ({ signal }) => api.workouts.searchExercises({ q: search, limit: 10 }, signal),
    enabled: search.length >= QUERY_MIN_LENGTH,
    staleTime: 5 * 60_000,
  });

  return (
    <div className="exercise-search">
      <TextField
        label={t("today.workouts.searchExercise")}
        type="search"
        autoComplete="off"
        value={query}
        aria-controls={resultsId}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={preventSubmitOnEnter}
      />
      <div id={resultsId} aria-live="polite">
        {results.isFetching ? <p className="muted">{t("common.loading")}</p> : null}
        <ProblemAlert error={results.error} />
        {results.data && search.length >= QUERY_MIN_LENGTH ? (
          results.data.items.length === 0 ? (
            <p className="muted">{t("today.workouts.noExercises")}</p>
          ) : (
            <ul className="search-results" aria-label={t("today.workouts.exerciseResults")}>
              {results.data.items.map((exercise) => (
                <li key={exercise.id}>
                  <button
                    type="button"
                    className="button-link"
                    onClick={() => {
                      props.onPick(exercise);
                      setQuery("");
                    }}
                  >
                    {exercise.name}
                  </button>
                  {exercise.equipment ? (
                    <span className="muted"> · {exercise.equipment}</span>
                  ) : null}
                </li>
              ))}
            </ul>
          )
        ) : null}
      </div>
    </div>
  );
}
