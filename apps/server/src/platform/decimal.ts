/**
 * Exact decimal arithmetic for nutrient amounts. A value is a bigint counting millionths. A
 * product such as 0.112 g per 100 g × 118 g then comes out as computed by hand, and no binary
 * floating-point error reaches stored values or totals. Six decimal places exceed the precision
 * of any food label or of the catalog, which has three.
 */
export type Micros = bigint;

export const DECIMAL_PLACES = 6;

const SCALE = 1_000_000n;
const DECIMAL_PATTERN = /^(-?)(\d{1,15})(?:\.(\d+))?$/;

/** Parses decimal text such as "22.84" or "-3"; more than six decimals round half away from zero. */
export function parseDecimal(text: string): Micros {
  const match = DECIMAL_PATTERN.exec(text.trim());
  if (!match) throw new TypeError(`Not a decimal number: "${text}"`);

  const [, sign, whole, fraction = ""] = match;
  const kept = fraction.slice(0, DECIMAL_PLACES).padEnd(DECIMAL_PLACES, "0");
  let magnitude = BigInt(whole!) * SCALE + BigInt(kept);
  if (fraction.length > DECIMAL_PLACES && Number(fraction[DECIMAL_PLACES]) >= 5) magnitude += 1n;
  return sign === "-" ? -magnitude : magnitude;
}

/** Converts a JSON number to micros through its shortest decimal form, so 1.18 stays 1.18. */
export function decimalFromNumber(value: number): Micros {
  if (!Number.isFinite(value) || Math.abs(value) >= 1e15) {
    throw new TypeError(`Not a representable decimal: ${value}`);
  }
  const text = String(value);
  return parseDecimal(text.includes("e") ? value.toFixed(DECIMAL_PLACES + 1) : text);
}

export function multiplyDecimals(left: Micros, right: Micros): Micros {
  return divideRounded(left * right, SCALE);
}

/** Amount of a nutrient in `grams` of a food that has `per100g` of it. */
export function amountForGrams(per100g: Micros, grams: Micros): Micros {
  return divideRounded(per100g * grams, SCALE * 100n);
}

export function sumDecimals(values: Micros[]): Micros {
  return values.reduce((total, value) => total + value, 0n);
}

/** Formats micros as plain decimal text without trailing zeros, such as "105.02". */
export function formatDecimal(value: Micros): string {
  const negative = value < 0n;
  const magnitude = negative ? -value : value;
  const whole = magnitude / SCALE;
  const fraction = (magnitude % SCALE).toString().padStart(DECIMAL_PLACES, "0").replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
}

/** Converts micros to the nearest JSON number; 105020000n becomes exactly 105.02. */
export function decimalToNumber(value: Micros): number {
  return Number(formatDecimal(value));
}

function divideRounded(numerator: bigint, denominator: bigint): bigint {
  const half = denominator / 2n;
  return numerator >= 0n ? (numerator + half) / denominator : -((-numerator + half) / denominator);
}
