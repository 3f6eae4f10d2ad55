/** Characters that make a spreadsheet read a cell as a formula (or as a command, via DDE). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Formats one CSV cell. Text that a spreadsheet would run as a formula gets a leading apostrophe,
 * which spreadsheets show as plain text. Numbers are written as numbers, so negative values stay
 * numeric, and objects and lists as JSON.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  let text = typeof value === "string" ? value : JSON.stringify(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  // Semicolons and tabs are quoted too: spreadsheets in many locales split on them, and a piece
  // after the split could start with a formula character.
  return /[",;\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Writes a CSV document (RFC 4180, CRLF line ends) with one column per key of any row. */
export function toCsv(rows: Record<string, unknown>[], preferredColumns: string[] = []): string {
  const columns = [...preferredColumns];
  for (const row of rows) {
    for (const key of Object.keys(row)) if (!columns.includes(key)) columns.push(key);
  }
  const lines = [columns.map(csvCell).join(",")];
  for (const row of rows) lines.push(columns.map((column) => csvCell(row[column])).join(","));
  return `${lines.join("\r\n")}\r\n`;
}
