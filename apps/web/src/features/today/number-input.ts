/**
 * Reads a number typed in a text field, accepting a decimal comma. Empty text becomes undefined, so
 * the schema reports the field as required. Other text that is not a number becomes NaN, which the
 * schema rejects as invalid.
 */
export function parseNumberInput(text: string): number | undefined {
  const trimmed = text.trim().replace(",", ".");
  if (trimmed === "") return undefined;
  return Number(trimmed);
}

/** Formats a number for the reader's language with at most `fractionDigits` decimals. */
export function formatAmount(value: number, language: string, fractionDigits = 0): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: fractionDigits }).format(value);
}
