import { useEffect, useState } from "react";
import type { ReactElement } from "react";
import { useTranslation } from "react-i18next";

import { useRuntime } from "../../session/session-provider";
import { Button } from "../../ui/button";
import { HelpText } from "../../ui/section";
import { TextField } from "../../ui/text-field";
import { searchLocalExercises } from "../offline/exercise-catalog";
import type { ExerciseSummary } from "../offline/exercise-catalog";

/** Searches the offline copy of the exercise catalog as the user types. */
export function ExerciseSearch(props: { onPick(exercise: ExerciseSummary): void }): ReactElement {
  const { t } = useTranslation();
  const runtime = useRuntime();
  const [text, setText] = useState("");
  const [results, setResults] = useState<ExerciseSummary[]>([]);

  useEffect(() => {
    let isCurrent = true;
    function search(): void {
      void searchLocalExercises(runtime.database, text).then((found) => {
        if (isCurrent) setResults(found);
      });
    }

    search();
    // The catalog may arrive while the user types, right after the first login.
    const stop = runtime.onLocalDataChange(search);
    return () => {
      isCurrent = false;
      stop();
    };
  }, [runtime, text]);

  return (
    <>
      <TextField
        label={t("workouts.search.label")}
        value={text}
        onChangeText={setText}
        autoCapitalize="none"
        help={t("workouts.search.help")}
      />
      {text.trim() && results.length === 0 ? (
        <HelpText>{t("workouts.search.none")}</HelpText>
      ) : null}
      {results.map((exercise) => (
        <Button
          key={exercise.id}
          variant="secondary"
          label={exercise.name}
          accessibilityLabel={t("workouts.search.add", { name: exercise.name })}
          onPress={() => {
            props.onPick(exercise);
            setText("");
          }}
        />
      ))}
    </>
  );
}
