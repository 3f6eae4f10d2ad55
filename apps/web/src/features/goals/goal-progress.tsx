import { useTranslation } from "react-i18next";
import type { GoalProgress } from "@fitcoach/client";
import type { Me } from "@fitcoach/contract";

import { formatNumber, weightFromKg } from "../coach/units";
import type { GoalKind } from "./goal-fields";

type ProgressGoal = GoalProgress["goal"];

/** Progress items of the day card that belong to each form. */
export const PROGRESS_GOALS: Record<GoalKind, ProgressGoal[]> = {
  weight: ["weight"],
  nutrition: ["kcal", "protein", "carbs", "fat", "fiber"],
  water: ["water"],
  sleep: ["sleep"],
  steps: ["steps"],
  workouts: ["weeklyWorkouts"],
};

/** Amount format (catalog key under goals.amounts) and the conversion from the day card's unit. */
function amountOf(
  goal: ProgressGoal,
  units: Me["units"],
): { key: string; digits: number; convert(value: number): number } {
  switch (goal) {
    case "kcal":
      return { key: "kcal", digits: 0, convert: (value) => value };
    case "water":
      return { key: "ml", digits: 0, convert: (value) => value };
    case "sleep":
      return { key: "h", digits: 1, convert: (value) => value / 60 };
    case "weight":
      return {
        key: units === "imperial" ? "lb" : "kg",
        digits: 1,
        convert: (value) => weightFromKg(value, units),
      };
    case "steps":
    case "weeklyWorkouts":
      return { key: "count", digits: 0, convert: (value) => value };
    default:
      return { key: "g", digits: 0, convert: (value) => value };
  }
}

/** Names the span a progress item covers: the latest weight, this week's workouts or today. */
function progressScope(goal: ProgressGoal): "latest" | "week" | "today" {
  if (goal === "weight") return "latest";
  if (goal === "weeklyWorkouts") return "week";
  return "today";
}

/** Lists how far the user is towards each target of one form, for today or this week. */
export function GoalProgressList(props: {
  kind: GoalKind;
  items: GoalProgress[];
  units: Me["units"];
}): React.JSX.Element | null {
  const { t, i18n } = useTranslation();
  const items = props.items.filter((item) => PROGRESS_GOALS[props.kind].includes(item.goal));
  if (items.length === 0) return null;

  function amount(goal: ProgressGoal, value: number): string {
    const unit = amountOf(goal, props.units);
    return t(`goals.amounts.${unit.key}`, {
      value: formatNumber(unit.convert(value), i18n.language, unit.digits),
    });
  }

  return (
    <ul className="goal-progress">
      {items.map((item) => {
        const name = t(`goals.progress.names.${item.goal}`);
        const target = amount(item.goal, item.target);
        const scope = progressScope(item.goal);
        const text =
          item.actual === null
            ? t("goals.progress.nothing", { name, target })
            : t(`goals.progress.${scope}`, {
                name,
                actual: amount(item.goal, item.actual),
                target,
              });
        return (
          <li key={item.goal}>
            <span>{text}</span>
            {item.percent !== null && item.goal !== "weight" ? (
              <progress
                max={100}
                value={Math.min(item.percent, 100)}
                aria-label={t("goals.progress.bar", { name, percent: item.percent })}
              />
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
