import type { StatPeriod } from "@fitcoach/contract";

function toDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/**
 * Formats a bucket's dates for the reader's language: a day, a week as its first and last day, or
 * a month. "short" is for chart axes, "long" for the table and streaks.
 */
export function formatBucket(
  bucket: { start: string; end: string },
  period: StatPeriod,
  language: string,
  style: "short" | "long",
): string {
  if (period === "month") {
    return new Intl.DateTimeFormat(language, {
      timeZone: "UTC",
      month: style === "short" ? "short" : "long",
      year: "numeric",
    }).format(toDate(bucket.start));
  }

  const format = new Intl.DateTimeFormat(language, {
    timeZone: "UTC",
    ...(style === "short" ? { month: "short", day: "numeric" } : { dateStyle: "medium" }),
  });
  if (period === "week") return format.formatRange(toDate(bucket.start), toDate(bucket.end));
  return format.format(toDate(bucket.start));
}

/** Formats a span of whole days with the language's plural rules, such as "3 days". */
export function formatDayCount(days: number, language: string): string {
  return new Intl.NumberFormat(language, {
    style: "unit",
    unit: "day",
    unitDisplay: "long",
  }).format(days);
}
