import type { ReactElement } from "react";
import { useTranslation } from "react-i18next";
import type { DayCard } from "@fitcoach/contract";

import { formatDuration, formatNumber, formatWeight } from "../../i18n/format";
import type { UnitSystem } from "../../i18n/format";
import { BodyText, HelpText, Section } from "../../ui/section";
import { TextLink } from "../../ui/text-link";

/** Parts of the daily card below the quick adds, in the order the screen shows them. */
export const DAY_SECTIONS = [
  "wellness",
  "meals",
  "workouts",
  "sleep",
  "mood",
  "body",
  "note",
] as const;

/** Goals the card reports progress on; each has a catalog entry `today.goals.<goal>`. */
export const DAY_GOALS = [
  "kcal",
  "protein",
  "carbs",
  "fat",
  "fiber",
  "water",
  "sleep",
  "steps",
  "weight",
  "weeklyWorkouts",
] as const satisfies readonly DayCard["goals"][number]["goal"][];

/** Shows the whole card of a day: scores, meals, workouts, sleep, mood, body, note and goals. */
export function DaySummary(props: { card: DayCard; units: UnitSystem }): ReactElement {
  const { t, i18n } = useTranslation();
  const { card } = props;
  const language = i18n.language;

  return (
    <>
      <Section title={t("today.sections.wellness.title")}>
        <BodyText>
          {card.wellness.score === null
            ? t("today.wellness.none")
            : t("today.wellness.score", { score: card.wellness.score })}
        </BodyText>
        <HelpText>
          {t("today.effort", { score: card.effort.score, count: card.effort.workouts })}
        </HelpText>
        {card.goals.map((goal) => (
          <HelpText key={goal.goal}>
            {t(`today.goals.${goal.goal}`)}:{" "}
            {goal.percent === null
              ? t("common.notSet")
              : t("today.goalPercent", { percent: goal.percent })}
          </HelpText>
        ))}
      </Section>
      <Section title={t("today.sections.meals.title")}>
        {card.meals.length === 0 ? (
          <HelpText>{t("today.sections.meals.placeholder")}</HelpText>
        ) : (
          <BodyText>
            {t("today.meals", {
              count: card.meals.length,
              kcal: formatNumber(card.totals.kcal ?? 0, language, 0),
            })}
          </BodyText>
        )}
      </Section>
      <Section title={t("today.sections.workouts.title")}>
        {card.workouts.length === 0 ? (
          <HelpText>{t("today.sections.workouts.placeholder")}</HelpText>
        ) : (
          card.workouts.map((workout) => (
            <BodyText key={workout.id}>
              {t("today.workout", {
                title: workout.title ?? t("today.untitledWorkout"),
                duration: formatDuration(workout.durationMin, language, t),
              })}
            </BodyText>
          ))
        )}
      </Section>
      <Section title={t("today.sections.sleep.title")}>
        {card.sleep.length === 0 ? (
          <HelpText>{t("today.sections.sleep.placeholder")}</HelpText>
        ) : (
          card.sleep.map((night) => (
            <BodyText key={night.id}>
              {t("today.night", {
                duration: formatDuration(night.durationMin, language, t),
                quality: night.quality,
              })}
            </BodyText>
          ))
        )}
        <TextLink href="/sleep" label={t("today.sleepLink")} />
      </Section>
      <Section title={t("today.sections.mood.title")}>
        {card.mood.length === 0 ? (
          <HelpText>{t("today.sections.mood.placeholder")}</HelpText>
        ) : (
          card.mood.map((entry) => (
            <BodyText key={entry.id}>{t("today.mood.current", { score: entry.score })}</BodyText>
          ))
        )}
      </Section>
      <Section title={t("today.sections.body.title")}>
        <BodyText>
          {card.weight
            ? formatWeight(card.weight.kg, props.units, language, t)
            : t("today.sections.body.placeholder")}
        </BodyText>
        <HelpText>
          {t("today.steps", { steps: formatNumber(card.steps.total, language, 0) })}
        </HelpText>
      </Section>
      <Section title={t("today.sections.note.title")}>
        {/* The note is markdown written by the user; it is shown as plain text. */}
        <BodyText>{card.note || t("today.sections.note.placeholder")}</BodyText>
        {card.tags.length > 0 ? <HelpText>{card.tags.join(", ")}</HelpText> : null}
      </Section>
    </>
  );
}
