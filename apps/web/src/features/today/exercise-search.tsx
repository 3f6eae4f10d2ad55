import { useTranslation } from "react-i18next";
import type { ExerciseSummary } from "@fitcoach/client";

import { useTrackingApi } from "./day-queries";
import { SearchBox } from "./search-box";
import { useDebouncedSearch } from "./use-debounced-search";

/** Searches the exercise catalog by name and hands the picked exercise to the workout form. */
export function ExerciseSearch(props: {
  onPick(exercise: ExerciseSummary): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const api = useTrackingApi();
  const search = useDebouncedSearch("exercises", (q, signal) =>
    api.workouts.searchExercises({ q, limit: 10 }, signal),
  );

  return (
    <div className="exercise-search">
      <SearchBox
        search={search}
        label={t("today.workouts.searchExercise")}
        emptyText={t("today.workouts.noExercises")}
        resultsLabel={t("today.workouts.exerciseResults")}
        renderResult={(exercise) => (
          <>
            <button
              type="button"
              className="button-link"
              onClick={() => {
                props.onPick(exercise);
                search.setQuery("");
              }}
            >
              {exercise.name}
            </button>
            {exercise.equipment ? <span className="muted"> · {exercise.equipment}</span> : null}
          </>
        )}
      />
    </div>
  );
}
