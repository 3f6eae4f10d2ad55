import { DateTime } from "luxon";
import { loadSharp } from "../../platform/lazy-modules";

import { renderMail } from "../../platform/mail/render-mail";
import type { MailMessage } from "../../platform/mail/mailer";
import type { SummaryDay, WeekSummaryData } from "./reminder-data-source";

export const CHART_CONTENT_ID = "weekly-water-chart@fitcoach";
const CHART_WIDTH = 560;
const CHART_HEIGHT = 200;
const CHART_PADDING = 16;
// Bars are drawn up to 150% of the goal, so the goal line sits at two thirds of the height.
const CHART_MAX_RATIO = 1.5;

/**
 * Draws the week's water per day against the goal as an SVG: one bar per day, teal when the goal
 * was met and grey otherwise, and a dashed goal line. The chart has no text, so it renders the same
 * on servers without fonts; the mail states the numbers in words.
 */
export function waterChartSvg(days: SummaryDay[], goalMl: number): string {
  const plotHeight = CHART_HEIGHT - 2 * CHART_PADDING;
  const slot = (CHART_WIDTH - 2 * CHART_PADDING) / Math.max(days.length, 1);
  const barWidth = Math.round(slot * 0.6);
  const goalY = CHART_PADDING + plotHeight - plotHeight / CHART_MAX_RATIO;

  const bars = days.map((day, index) => {
    const ratio = goalMl > 0 ? Math.min(day.waterMl / goalMl, CHART_MAX_RATIO) : 0;
    const height = Math.round((plotHeight * ratio) / CHART_MAX_RATIO);
    const x = Math.round(CHART_PADDING + index * slot + (slot - barWidth) / 2);
    const y = CHART_PADDING + plotHeight - height;
    const color = goalMl > 0 && day.waterMl >= goalMl ? "#0f766e" : "#94a3b8";
    return `<rect x="${x}" y="${y}" width="${barWidth}" height="${height}" rx="4" fill="${color}"/>`;
  });

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${CHART_HEIGHT}" viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}">`,
    `<rect width="${CHART_WIDTH}" height="${CHART_HEIGHT}" fill="#ffffff"/>`,
    `<line x1="${CHART_PADDING}" y1="${CHART_PADDING + plotHeight}" x2="${CHART_WIDTH - CHART_PADDING}" y2="${CHART_PADDING + plotHeight}" stroke="#cbd5e1" stroke-width="1"/>`,
    ...bars,
    `<line x1="${CHART_PADDING}" y1="${goalY}" x2="${CHART_WIDTH - CHART_PADDING}" y2="${goalY}" stroke="#f97316" stroke-width="2" stroke-dasharray="6 4"/>`,
    "</svg>",
  ].join("");
}

export async function renderWaterChartPng(days: SummaryDay[], goalMl: number): Promise<Buffer> {
  const sharp = await loadSharp();
  return sharp(Buffer.from(waterChartSvg(days, goalMl)))
    .png()
    .toBuffer();
}

/** Describes the week's numbers against the goals, one sentence per measure. */
export function summaryParagraphs(data: WeekSummaryData): string[] {
  const { days, goals } = data;
  const first = days[0]?.date ?? "";
  const last = days.at(-1)?.date ?? "";
  const paragraphs = [`Here is your week from ${longDate(first)} to ${longDate(last)}.`];

  const waterAverage = average(days.map((day) => day.waterMl));
  const waterDaysMet = days.filter((day) => goals.waterMl > 0 && day.waterMl >= goals.waterMl);
  paragraphs.push(
    `Water: your goal of ${formatNumber(goals.waterMl)} ml was met on ${waterDaysMet.length} of ${days.length} days, with ${formatNumber(waterAverage ?? 0)} ml a day on average.`,
  );

  const energyAverage = average(
    days.flatMap((day) => (day.energyKcal === null ? [] : [day.energyKcal])),
  );
  paragraphs.push(
    energyAverage === null
      ? "Energy: no meals were logged."
      : `Energy: ${formatNumber(energyAverage)} kcal a day on average on logged days${goals.energyKcal ? `, against a goal of ${formatNumber(goals.energyKcal)} kcal` : ""}.`,
  );

  const workouts = days.reduce((total, day) => total + day.workouts, 0);
  paragraphs.push(
    `Workouts: ${workouts}${goals.workoutsPerWeek ? ` of your goal of ${goals.workoutsPerWeek}` : ""}.`,
  );

  const sleepAverage = average(
    days.flatMap((day) => (day.sleepMinutes === null ? [] : [day.sleepMinutes])),
  );
  paragraphs.push(
    sleepAverage === null
      ? "Sleep: no nights were logged."
      : `Sleep: ${formatDuration(sleepAverage)} a night on average${goals.sleepMinutes ? `, against a goal of ${formatDuration(goals.sleepMinutes)}` : ""}.`,
  );

  const complete = days.filter((day) => day.isComplete).length;
  paragraphs.push(`Complete days: ${complete} of ${days.length}.`);
  return paragraphs;
}

export async function weeklySummaryMail(input: {
  to: string;
  data: WeekSummaryData;
  frontendUrl: string;
  unsubscribeUrl: string;
}): Promise<MailMessage> {
  const png = await renderWaterChartPng(input.data.days, input.data.goals.waterMl);
  const first = input.data.days[0]?.date ?? "";
  return renderMail({
    template: "weekly-summary",
    to: input.to,
    subject: `Your FitCoach week from ${longDate(first)}`,
    paragraphs: summaryParagraphs(input.data),
    image: {
      cid: CHART_CONTENT_ID,
      alt: "Water per day against your goal; teal bars met the goal, the dashed line is the goal.",
      width: CHART_WIDTH,
      height: CHART_HEIGHT,
    },
    attachments: [
      {
        filename: "water-week.png",
        contentType: "image/png",
        contentBase64: png.toString("base64"),
        cid: CHART_CONTENT_ID,
      },
    ],
    action: { label: "Open your statistics", url: `${input.frontendUrl}/stats` },
    footer:
      "You get this mail because the weekly summary is on in your FitCoach reminder settings.",
    unsubscribeUrl: input.unsubscribeUrl,
  });
}

function average(values: number[]): number | null {
  if (values.length === 0) return null;
  return Math.round(values.reduce((total, value) => total + value, 0) / values.length);
}

function formatNumber(value: number): string {
  return new Intl.NumberFormat("en-US").format(value);
}

function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = Math.round(minutes % 60);
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

function longDate(date: string): string {
  return DateTime.fromISO(date, { zone: "UTC" }).toFormat("cccc d LLLL");
}
