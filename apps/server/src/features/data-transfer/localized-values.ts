/**
 * Reading dates and numbers as workout apps write them in different languages: day-first or
 * month-first dates, month names in several languages, 12- or 24-hour times, decimal commas.
 */

/** Month-name prefixes, accents removed; the longest matching prefix wins ("juil" over "jui"). */
const MONTH_PREFIXES: [string, number][] = [
  // English, German, Dutch, French, Spanish, Italian, Portuguese
  ...(["jan", "ene", "gen", "janv"] as const).map((prefix) => [prefix, 1] as [string, number]),
  ...["feb", "fev", "fevr", "febr"].map((prefix) => [prefix, 2] as [string, number]),
  ...["mar", "mae", "maerz", "maart", "mars", "marz"].map(
    (prefix) => [prefix, 3] as [string, number],
  ),
  ...["apr", "abr", "avr"].map((prefix) => [prefix, 4] as [string, number]),
  ...["may", "mai", "mei", "mag", "mayo", "maio"].map((prefix) => [prefix, 5] as [string, number]),
  ...["jun", "juin", "giu"].map((prefix) => [prefix, 6] as [string, number]),
  ...["jul", "juil", "lug"].map((prefix) => [prefix, 7] as [string, number]),
  ...["aug", "ago", "aou", "aout"].map((prefix) => [prefix, 8] as [string, number]),
  ...["sep", "set"].map((prefix) => [prefix, 9] as [string, number]),
  ...["oct", "okt", "ott", "out"].map((prefix) => [prefix, 10] as [string, number]),
  ...["nov"].map((prefix) => [prefix, 11] as [string, number]),
  ...["dec", "dez", "dic", "des"].map((prefix) => [prefix, 12] as [string, number]),
  // Czech (nominative and genitive) and Polish
  ["led", 1],
  ["sty", 1],
  ["uno", 2],
  ["lut", 2],
  ["bre", 3],
  ["dub", 4],
  ["kwi", 4],
  ["kve", 5],
  ["maj", 5],
  ["cerven", 6],
  ["cervna", 6],
  ["cze", 6],
  ["cervenec", 7],
  ["cervence", 7],
  ["lip", 7],
  ["srp", 8],
  ["sie", 8],
  ["zar", 9],
  ["wrz", 9],
  ["rij", 10],
  ["paz", 10],
  ["lis", 11],
  ["pro", 12],
  ["gru", 12],
  // Russian (nominative and genitive); "май" appears as "маи" once the breve is removed
  ["янв", 1],
  ["фев", 2],
  ["мар", 3],
  ["апр", 4],
  ["маи", 5],
  ["мая", 5],
  ["июн", 6],
  ["июл", 7],
  ["авг", 8],
  ["сен", 9],
  ["окт", 10],
  ["ноя", 11],
  ["дек", 12],
];

/** Month number of a month name or abbreviation in one of the languages above, or null. */
export function monthFromName(name: string): number | null {
  const folded = name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/\.$/, "");
  if (folded.length < 3) return null;
  let best: [string, number] | null = null;
  for (const entry of MONTH_PREFIXES) {
    if (folded.startsWith(entry[0]) && (!best || entry[0].length > best[0].length)) best = entry;
  }
  return best ? best[1] : null;
}

export type DateOrder = "dmy" | "mdy";

/** A local date-time without zone, as read from a file. */
export interface LocalDateTime {
  date: string;
  /** HH:MM:SS, or null when the text has no time. */
  time: string | null;
}

const TIME = String.raw`(?:[,\sT]+(\d{1,2})[:.h](\d{2})(?:[:.](\d{2}))?\s*([AaPp]\.?[Mm]\.?)?)?`;
const ISO = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME}`);
const NUMERIC = new RegExp(String.raw`^(\d{1,2})([./-])(\d{1,2})\2(\d{2,4})${TIME}`);
const DAY_MONTH_NAME = new RegExp(
  // Russian dates may carry "г." (year) after the year: 14 июля 2024 г., 10:00.
  String.raw`^(\d{1,2})\.?\s+([^\s\d,.]+)\.?,?\s+(\d{4})(?:\s*г\.)?${TIME}`,
  "u",
);
const MONTH_NAME_DAY = new RegExp(String.raw`^([^\s\d,.]+)\.?\s+(\d{1,2}),?\s+(\d{4})${TIME}`, "u");

/**
 * Reads the date forms workout apps export: 2024-01-08 18:05:00, 08.01.2024 18:05,
 * 01/08/2024 6:05 PM, 8 Jan 2024, 18:05, 8 janv. 2024 18:05, Jan 8, 2024, 6:05 PM. Dotted
 * numeric dates are always day first; slashed and dashed ones follow `order`. Returns null for
 * anything else.
 */
export function parseLocalDateTime(text: string, order: DateOrder): LocalDateTime | null {
  const value = text.trim();
  let year: number;
  let month: number | null;
  let day: number;
  let timeParts: (string | undefined)[];

  let match = ISO.exec(value);
  if (match) {
    [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    timeParts = match.slice(4);
  } else if ((match = NUMERIC.exec(value))) {
    const first = Number(match[1]);
    const second = Number(match[3]);
    const dayFirst = match[2] === "." || order === "dmy";
    [day, month] = dayFirst ? [first, second] : [second, first];
    year = Number(match[4]);
    if (year < 100) year += 2000;
    timeParts = match.slice(5);
  } else if ((match = DAY_MONTH_NAME.exec(value))) {
    day = Number(match[1]);
    month = monthFromName(match[2]!);
    year = Number(match[3]);
    timeParts = match.slice(4);
  } else if ((match = MONTH_NAME_DAY.exec(value))) {
    month = monthFromName(match[1]!);
    day = Number(match[2]);
    year = Number(match[3]);
    timeParts = match.slice(4);
  } else {
    return null;
  }

  if (month === null || !isRealDate(year, month, day)) return null;
  const date = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  const time = readTime(timeParts);
  // A time that is there but impossible, such as 25:99, makes the whole value unreadable rather
  // than quietly dropping the start time.
  if (time === false) return null;
  return { date, time };
}

/** Reads day-first or month-first from the dates themselves: a first part above 12 means day. */
export function guessDateOrder(samples: string[]): DateOrder | null {
  for (const sample of samples) {
    const match = /^(\d{1,2})[/-](\d{1,2})[/-]\d{2,4}/.exec(sample.trim());
    if (!match) continue;
    if (Number(match[1]) > 12) return "dmy";
    if (Number(match[2]) > 12) return "mdy";
  }
  return null;
}

/** Returns HH:MM:SS, null when the text has no time, or false when its time is impossible. */
function readTime(parts: (string | undefined)[]): string | null | false {
  const [hourText, minuteText, secondText, meridiem] = parts;
  if (hourText === undefined || minuteText === undefined) return null;
  let hour = Number(hourText);
  const minute = Number(minuteText);
  const second = secondText === undefined ? 0 : Number(secondText);
  if (meridiem) {
    const isPm = meridiem.toLowerCase().startsWith("p");
    if (hour < 1 || hour > 12) return false;
    hour = (hour % 12) + (isPm ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return false;
  return `${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}`;
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

/**
 * Reads a decimal written with a point or a comma, with optional grouping ("1.234,5",
 * "1,234.5", "62,5"). Returns null for an empty cell and NaN for text that is not a number.
 */
export function parseDecimal(text: string | undefined): number | null {
  const value = (text ?? "").replace(/[\s\u00a0\u202f']/g, "");
  if (value === "") return null;
  const lastComma = value.lastIndexOf(",");
  const lastPoint = value.lastIndexOf(".");
  let normal = value;
  if (lastComma >= 0 && lastPoint >= 0) {
    normal =
      lastComma > lastPoint ? value.replace(/\./g, "").replace(",", ".") : value.replace(/,/g, "");
  } else if (lastComma >= 0) {
    normal = value.replace(",", ".");
  }
  return /^[+-]?\d+(\.\d+)?$/.test(normal) ? Number(normal) : Number.NaN;
}
