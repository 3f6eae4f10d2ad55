import type { Fact, Insight } from "@fitcoach/contract";

import type { CoachContext } from "./coach-context";
import {
  nutritionTargets,
  sleepTargetHours,
  toBasis,
  waterTargetMl,
  type DayFact,
} from "./summary-facts";

/** The three parts of a daily summary, before the route adds who wrote it. */
export interface SummaryDraft {
  wentWell: Insight[];
  toChange: Insight[];
  suggestions: Insight[];
}

function gap(fact: DayFact): number {
  return Math.round(Math.abs((fact.target ?? 0) - fact.value) * 10) / 10;
}

function wentWellText(fact: DayFact): string {
  switch (fact.label) {
    case "Energy":
      return `Energy was **${fact.value} kcal**, within 10 % of your ${fact.target} kcal target.`;
    case "Protein":
      return `Protein reached **${fact.value} g** against a ${fact.target} g target.`;
    case "Fiber":
      return `Fiber reached **${fact.value} g** against a ${fact.target} g target.`;
    case "Water":
      return `You drank **${fact.value} ml**, meeting your ${fact.target} ml goal.`;
    case "Sleep":
      return `You slept **${fact.value} hours** against a ${fact.target} hour goal.`;
    case "Steps":
      return `You walked **${fact.value} steps**, past your ${fact.target} step goal.`;
    case "Training":
      return `You trained for **${fact.value} minutes**.`;
    default:
      return `Mood was **${fact.value} of 5**.`;
  }
}

function toChangeText(fact: DayFact): string {
  switch (fact.label) {
    case "Energy":
      return fact.status === "over"
        ? `Energy was **${fact.value} kcal**, ${gap(fact)} kcal above your ${fact.target} kcal target.`
        : `Energy was **${fact.value} kcal**, ${gap(fact)} kcal below your ${fact.target} kcal target.`;
    case "Protein":
      return `Protein was **${fact.value} g**, ${gap(fact)} g short of ${fact.target} g.`;
    case "Fiber":
      return `Fiber was **${fact.value} g**, ${gap(fact)} g short of ${fact.target} g.`;
    case "Water":
      return `Water was **${fact.value} ml**, ${gap(fact)} ml short of your ${fact.target} ml goal.`;
    case "Sleep":
      return `Sleep was **${fact.value} hours**, ${gap(fact)} hours short of ${fact.target} hours.`;
    case "Steps":
      return `Steps were **${fact.value}**, ${gap(fact)} steps short of ${fact.target} steps.`;
    default:
      return `Mood was low at **${fact.value} of 5**.`;
  }
}

function suggestionFor(fact: DayFact): string {
  switch (fact.label) {
    case "Energy":
      return fact.status === "over"
        ? `Trim about ${gap(fact)} kcal tomorrow: smaller portions of oil, nuts or sweets go furthest.`
        : `Add about ${gap(fact)} kcal tomorrow with a snack such as yogurt with fruit or a sandwich.`;
    case "Protein":
      return `Add about ${gap(fact)} g of protein tomorrow, spread over meals (lean meat, fish, dairy, tofu or legumes).`;
    case "Fiber":
      return `Add about ${gap(fact)} g of fiber with vegetables, legumes, whole grains or fruit.`;
    case "Water":
      return `Drink ${gap(fact)} ml more tomorrow: keep a bottle in sight and drink a glass with each meal.`;
    case "Sleep":
      return `Go to bed ${Math.round(gap(fact) * 60)} minutes earlier to reach ${fact.target} hours.`;
    case "Steps":
      return `Add a ${Math.max(10, Math.round(gap(fact) / 100))} minute walk to close the ${gap(fact)} step gap.`;
    default:
      return "Note what lowered your mood; a walk outside and regular sleep often help.";
  }
}

function standingFacts(context: CoachContext): Record<string, Fact> {
  const facts: Record<string, Fact> = {
    water: { label: "Water goal", value: waterTargetMl(context), unit: "ml", target: null },
    sleep: { label: "Sleep goal", value: sleepTargetHours(context), unit: "hours", target: null },
  };
  const targets = nutritionTargets(context);
  if (targets) {
    facts.kcal = { label: "Energy target", value: targets.kcal, unit: "kcal", target: null };
    facts.protein = { label: "Protein target", value: targets.protein, unit: "g", target: null };
  }
  return facts;
}

/** Suggestions that fit any day, used when the day's own gaps give fewer than three. */
function generalSuggestions(context: CoachContext, facts: readonly DayFact[]): Insight[] {
  const standing = standingFacts(context);
  const has = (label: string): boolean => facts.some((fact) => fact.label === label);
  const list: Insight[] = [];
  if (!has("Energy") && standing.kcal && standing.protein) {
    list.push({
      text: `Log your meals so the coach can compare them with your ${standing.kcal.value} kcal and ${standing.protein.value} g protein targets.`,
      basis: [standing.kcal, standing.protein],
    });
  }
  if (!has("Water") || facts.some((fact) => fact.label === "Water" && fact.status === "good")) {
    list.push({
      text: `Keep water at ${standing.water!.value} ml: a glass with every meal covers most of it.`,
      basis: [standing.water!],
    });
  }
  if (!has("Sleep") || facts.some((fact) => fact.label === "Sleep" && fact.status === "good")) {
    list.push({
      text: `Keep a regular bedtime that gives you ${standing.sleep!.value} hours of sleep.`,
      basis: [standing.sleep!],
    });
  }
  list.push({
    text: `Plan tomorrow's meals around your targets${standing.kcal ? ` of ${standing.kcal.value} kcal` : ""} before the day starts.`,
    basis: [standing.kcal ?? standing.water!],
  });
  list.push({
    text: `Log water as you drink it; it is easier to reach ${standing.water!.value} ml when you can see the total.`,
    basis: [standing.water!],
  });
  return list;
}

/** Writes the rule-based summary of one day: what went well, what to change, three suggestions. */
export function builtinSummary(context: CoachContext, facts: readonly DayFact[]): SummaryDraft {
  const wentWell = facts
    .filter((fact) => fact.status === "good")
    .map((fact) => ({ text: wentWellText(fact), basis: [toBasis(fact)] }));
  const gaps = facts.filter((fact) => fact.status === "short" || fact.status === "over");
  const toChange = gaps.map((fact) => ({ text: toChangeText(fact), basis: [toBasis(fact)] }));
  if (facts.length === 0) {
    toChange.push({
      text: "Nothing was logged on this day, so there is nothing to compare with your targets.",
      basis: [{ label: "Entries logged", value: 0, unit: "entries", target: null }],
    });
  }

  // The largest relative gaps first, so the three suggestions address what matters most.
  const ranked = [...gaps].sort(
    (left, right) => gap(right) / (right.target ?? 1) - gap(left) / (left.target ?? 1),
  );
  const suggestions: Insight[] = ranked.map((fact) => ({
    text: suggestionFor(fact),
    basis: [toBasis(fact)],
  }));
  for (const insight of generalSuggestions(context, facts)) {
    if (suggestions.length >= 3) break;
    suggestions.push(insight);
  }
  return { wentWell, toChange, suggestions: suggestions.slice(0, 3) };
}
