import type { ReactElement } from "react";
import { useTranslation } from "react-i18next";
import { previousPerformanceSchema } from "@fitcoach/contract";
import type { WorkoutSet } from "@fitcoach/contract";
import type { TFunction } from "i18next";

import { formatLocalDate, formatNumber, formatWeight } from "../../i18n/format";
import type { UnitSystem } from "../../i18n/format";
import { useServerResource } from "../../sync/use-server-resource";
import { HelpText } from "../../ui/section";

/** Shows the sets of this exercise from the last workout before `date`, kept for offline use. */
export function PreviousPerformance(props: {
  exerciseId: string;
  date: string;
  units: UnitSystem;
}): ReactElement {
  const { t, i18n } = useTranslation();
  const previous = useServerResource(
    `/exercises/${encodeURIComponent(props.exerciseId)}/previous?before=${props.date}`,
    previousPerformanceSchema,
  );

  if (!previous.data) return <HelpText>{t("workouts.previous.unknown")}</HelpText>;
  if (!previous.data.date || previous.data.sets.length === 0) {
    return <HelpText>{t("workouts.previous.none")}</HelpText>;
  }
  return (
    <HelpText>
      {t("workouts.previous.sets", {
        date: formatLocalDate(previous.data.date, i18n.language),
        sets: previous.data.sets
          .map((set) => describeSet(set, props.units, i18n.language, t))
          .join(", "),
      })}
    </HelpText>
  );
}

/** Describes a set, such as "8 × 60 kg" or "30 min". */
export function describeSet(
  set: WorkoutSet,
  units: UnitSystem,
  language: string,
  t: TFunction,
): string {
  if (set.durationSec !== null) {
    return t("units.minutes", { value: formatNumber(set.durationSec / 60, language, 1) });
  }
  const reps = formatNumber(set.reps ?? 0, language, 0);
  if (set.weightKg === null) return t("workouts.set.reps", { reps });
  return t("workouts.set.repsWeight", {
    reps,
    weight: formatWeight(set.weightKg, units, language, t),
  });
}
