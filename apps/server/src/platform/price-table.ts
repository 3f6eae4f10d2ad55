/** Price of a model in US dollars per million tokens. */
export interface ModelPrice {
  inputPerMillionUsd: number;
  outputPerMillionUsd: number;
}

/** Prices by model name, as configured in COACH_PRICES. */
export type PriceTable = ReadonlyMap<string, ModelPrice>;

const ENTRY_PATTERN =
  /^([A-Za-z0-9._:/@-]{1,200})=(\d{1,6}(?:\.\d{1,6})?)\/(\d{1,6}(?:\.\d{1,6})?)$/;

/**
 * Parses "gpt-4o-mini=0.15/0.60,llama3.1=0/0": per model, US dollars per million input tokens and
 * per million output tokens. Returns null when any entry is malformed or a model repeats.
 */
export function parsePriceTable(text: string): PriceTable | null {
  const table = new Map<string, ModelPrice>();
  const entries = text
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const match = ENTRY_PATTERN.exec(entry);
    if (!match || table.has(match[1]!)) return null;
    table.set(match[1]!, {
      inputPerMillionUsd: Number(match[2]),
      outputPerMillionUsd: Number(match[3]),
    });
  }
  return table;
}

/**
 * Cost of one call in millionths of a US dollar, rounded up so that budgets are never
 * undercounted. A price per million tokens in dollars is a price per token in micro-dollars.
 */
export function callCostMicroUsd(
  price: ModelPrice,
  usage: { inputTokens: number; outputTokens: number },
): number {
  return Math.ceil(
    usage.inputTokens * price.inputPerMillionUsd + usage.outputTokens * price.outputPerMillionUsd,
  );
}
