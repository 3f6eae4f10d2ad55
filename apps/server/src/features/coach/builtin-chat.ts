import type { CoachContext } from "./coach-context";
import { bestOneRepMaxes } from "./strength";
import { nutritionTargets, sleepTargetHours, waterTargetMl } from "./summary-facts";

/*
 * The rule-based chat. It reads the message only to pick topics by keyword and replies with the
 * user's own numbers, so nothing in a message can change what it does beyond the topic.
 * NOTE: keywords are English only; other languages get the overview.
 */

type Topic = "nutrition" | "water" | "sleep" | "mood" | "weight" | "training" | "steps" | "targets";

const TOPIC_KEYWORDS: Record<Topic, RegExp> = {
  nutrition: /\b(eat|ate|food|meal|diet|calorie|kcal|protein|carb|fat|fiber|fibre|macro)/i,
  water: /\b(water|drink|hydrat)/i,
  sleep: /\b(sleep|slept|tired|rest|bed)/i,
  mood: /\b(mood|feel|stress|happy|sad|anxious|energy level)/i,
  weight: /\b(weight|weigh|kg|lose|losing|gain|fat loss)/i,
  training: /\b(workout|train|exercise|gym|lift|strength|1rm|one.rep|squat|bench|deadlift|run)/i,
  steps: /\b(step|walk)/i,
  targets: /\b(target|goal|tdee|bmr)/i,
};

function topicsOf(message: string): Topic[] {
  return (Object.keys(TOPIC_KEYWORDS) as Topic[]).filter((topic) =>
    TOPIC_KEYWORDS[topic].test(message),
  );
}

function nutritionSection(context: CoachContext): string {
  const { averages, adherence } = context.statistics;
  const targets = nutritionTargets(context);
  if (averages.kcal === null) {
    return targets
      ? `**Nutrition:** no meals logged in the last 14 days. Your targets are ${targets.kcal} kcal and ${targets.protein} g protein a day.`
      : "**Nutrition:** no meals logged in the last 14 days.";
  }
  const lines = [
    `**Nutrition:** on ${adherence.nutritionDays} logged days you averaged ${averages.kcal} kcal and ${averages.protein} g protein.`,
  ];
  if (targets) {
    lines.push(
      `Energy was within 10 % of ${targets.kcal} kcal on ${adherence.kcalDays} of ${adherence.nutritionDays} days; protein reached 90 % of ${targets.protein} g on ${adherence.proteinDays} days.`,
    );
    if (averages.protein !== null && averages.protein < targets.protein * 0.9) {
      lines.push("Add a protein source to each meal to close the gap.");
    }
  }
  return lines.join(" ");
}

function waterSection(context: CoachContext): string {
  const { averages, adherence } = context.statistics;
  const goal = waterTargetMl(context);
  if (averages.waterMl === null) return `**Water:** nothing logged yet; your goal is ${goal} ml.`;
  return `**Water:** you averaged ${averages.waterMl} ml and met your ${goal} ml goal on ${adherence.waterDays} days.`;
}

function sleepSection(context: CoachContext): string {
  const { averages } = context.statistics;
  const goal = sleepTargetHours(context);
  if (averages.sleepHours === null) return `**Sleep:** nothing logged yet; aim for ${goal} hours.`;
  const verdict =
    averages.sleepHours >= goal - 0.25 ? "on target" : "below target; an earlier bedtime helps";
  return `**Sleep:** you averaged ${averages.sleepHours} hours against ${goal} hours, ${verdict}.`;
}

function moodSection(context: CoachContext): string {
  const { averages, sleepMood } = context.statistics;
  if (averages.mood === null) return "**Mood:** nothing logged yet.";
  const lines = [`**Mood:** you averaged ${averages.mood} of 5.`];
  if (sleepMood) {
    const strength =
      Math.abs(sleepMood.r) >= 0.5
        ? "clearly"
        : Math.abs(sleepMood.r) >= 0.3
          ? "somewhat"
          : "hardly";
    lines.push(
      `Sleep and mood ${strength} move together (r = ${sleepMood.r} over ${sleepMood.days} days); a correlation is a hint, not proof.`,
    );
  }
  return lines.join(" ");
}

function weightSection(context: CoachContext): string {
  const trend = context.statistics.weightTrend;
  if (!trend) return "**Weight:** log it at least 3 times to see a trend.";
  let direction = "holding";
  if (trend.kgPerWeek > 0) direction = "gaining";
  if (trend.kgPerWeek < 0) direction = "losing";
  return `**Weight:** from ${trend.firstKg} kg to ${trend.lastKg} kg over ${trend.readings} readings, ${direction} about ${Math.abs(trend.kgPerWeek)} kg a week.`;
}

function trainingSection(context: CoachContext): string {
  const { workouts } = context.statistics;
  if (workouts.count === 0) return "**Training:** no workouts logged in the last 14 days.";
  const lines = [`**Training:** ${workouts.count} workouts, ${workouts.minutes} minutes in total.`];
  const best = [...bestOneRepMaxes(context.days)].sort((left, right) => right[1] - left[1]);
  if (best.length > 0) {
    const [exerciseId, oneRepMax] = best[0]!;
    lines.push(
      `Your best estimated one-rep max (Epley) is ${Math.round(oneRepMax)} kg in ${exerciseId.replaceAll("_", " ")}.`,
    );
  }
  return lines.join(" ");
}

function stepsSection(context: CoachContext): string {
  const { averages } = context.statistics;
  if (averages.steps === null) return "**Steps:** nothing logged yet.";
  const goal = context.goals?.steps;
  return `**Steps:** you averaged ${averages.steps} steps${goal ? ` against a ${goal} step goal` : ""}.`;
}

function targetsSection(context: CoachContext): string {
  if (!context.targets) {
    return "**Targets:** set your birth date, sex, height and activity level, and log your weight, to get targets.";
  }
  const { kcal, protein, carbs, fat, fiber, waterMl } = context.targets;
  return `**Targets:** ${kcal} kcal, ${protein} g protein, ${carbs} g carbohydrate, ${fat} g fat, ${fiber} g fiber and ${waterMl} ml water a day. ${context.targets.rule}`;
}

const SECTIONS: Record<Topic, (context: CoachContext) => string> = {
  nutrition: nutritionSection,
  water: waterSection,
  sleep: sleepSection,
  mood: moodSection,
  weight: weightSection,
  training: trainingSection,
  steps: stepsSection,
  targets: targetsSection,
};

/** Writes a markdown reply from the user's last 14 days for the topics the message names. */
export function builtinChatReply(message: string, context: CoachContext): string {
  const topics = topicsOf(message);
  const chosen: Topic[] =
    topics.length > 0 ? topics : ["nutrition", "water", "sleep", "training", "weight"];
  const sections = chosen.map((topic) => SECTIONS[topic](context));
  const intro =
    topics.length > 0
      ? `Here is what your last 14 days show (${context.statistics.daysLogged} days logged).`
      : `Here is an overview of your last 14 days (${context.statistics.daysLogged} days logged). Ask about nutrition, water, sleep, mood, weight, training, steps or targets for more.`;
  return [intro, ...sections].join("\n\n");
}
