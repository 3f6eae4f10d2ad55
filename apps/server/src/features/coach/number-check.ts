/*
 * Checks the numbers a model's reply claims against the numbers the coach gave it. A claim is a
 * number with a unit ("2400 kcal", "7.5 hours", "12 %"); numbers without a unit are too ambiguous
 * to check and are skipped. A claim is supported when it matches a known number of the same unit,
 * a difference of two of them, or (for percentages) a ratio or relative gap of two of them.
 */

type Unit = "kcal" | "g" | "ml" | "kg" | "hours" | "steps" | "percent";

/** Known numbers by unit, gathered from the data the model was given. */
export type KnownNumbers = Map<Exclude<Unit, "percent">, number[]>;

const KNOWN_PER_UNIT_MAX = 400;

function unitOfKey(key: string): Exclude<Unit, "percent"> | "minutes" | null {
  const name = key.toLowerCase();
  if (name.includes("kcal")) return "kcal";
  if (/(protein|carbs|fat|fiber|grams)$/.test(name)) return "g";
  if (name.endsWith("ml")) return "ml";
  if (name.endsWith("kg") || name === "kgperweek") return "kg";
  if (name.endsWith("minutes")) return "minutes";
  if (name.endsWith("hours")) return "hours";
  if (name.endsWith("steps") || name === "steps") return "steps";
  return null;
}

function add(known: KnownNumbers, unit: Exclude<Unit, "percent">, value: number): void {
  const list = known.get(unit) ?? [];
  if (list.length < KNOWN_PER_UNIT_MAX && !list.includes(value)) list.push(value);
  known.set(unit, list);
}

/**
 * Walks a JSON value and files every number under the unit its key names. Facts, objects with a
 * `unit` beside `value` and `target`, are filed under that unit.
 */
export function collectKnownNumbers(value: unknown, known: KnownNumbers = new Map()): KnownNumbers {
  const visit = (node: unknown, key: string | null): void => {
    if (isFact(node)) {
      const { unit, value: factor } = claimUnit(node.unit, 1);
      if (unit !== "percent") {
        add(known, unit, node.value * factor);
        if (typeof node.target === "number") add(known, unit, node.target * factor);
      }
      return;
    }
    if (typeof node === "number" && key !== null) {
      const unit = unitOfKey(key);
      if (unit === "minutes") add(known, "hours", node / 60);
      else if (unit) add(known, unit, node);
      return;
    }
    if (Array.isArray(node)) {
      for (const item of node) visit(item, key);
      return;
    }
    if (node && typeof node === "object") {
      for (const [childKey, child] of Object.entries(node)) visit(child, childKey);
    }
  };
  visit(value, null);
  return known;
}

function isFact(node: unknown): node is { value: number; unit: string; target?: unknown } {
  return (
    typeof node === "object" &&
    node !== null &&
    typeof (node as { value?: unknown }).value === "number" &&
    typeof (node as { unit?: unknown }).unit === "string" &&
    UNIT_WORD.test((node as { unit: string }).unit)
  );
}

const UNIT_WORD =
  /^(kcal|calories|cal|grams?|g|ml|liters?|litres?|l|kilograms?|kg|hours?|hrs?|h|minutes?|mins?|min|steps)$/i;

const CLAIM_PATTERN =
  /(\d{1,3}(?:,\d{3})+|\d+(?:[.,]\d+)?)\s*(kcal|calories|cal|grams?|g|ml|liters?|litres?|l|kilograms?|kg|hours?|hrs?|h|minutes?|mins?|min|steps|%|percent)(?![a-z])/gi;

interface Claim {
  text: string;
  unit: Unit;
  value: number;
}

function parseClaimNumber(text: string): number {
  if (/^\d{1,3}(,\d{3})+$/.test(text)) return Number(text.replaceAll(",", ""));
  return Number(text.replace(",", "."));
}

function claimUnit(word: string, value: number): { unit: Unit; value: number } {
  const name = word.toLowerCase();
  if (["kcal", "calories", "cal"].includes(name)) return { unit: "kcal", value };
  if (name === "g" || name.startsWith("gram")) return { unit: "g", value };
  if (name === "ml") return { unit: "ml", value };
  if (name === "l" || name.startsWith("lit")) return { unit: "ml", value: value * 1000 };
  if (name === "kg" || name.startsWith("kilogram")) return { unit: "kg", value };
  if (name.startsWith("h")) return { unit: "hours", value };
  if (name.startsWith("min")) return { unit: "hours", value: value / 60 };
  if (name === "steps") return { unit: "steps", value };
  return { unit: "percent", value };
}

/** Finds the numbers with units that a text claims. */
export function findClaims(text: string): Claim[] {
  return [...text.matchAll(CLAIM_PATTERN)].map((match) => ({
    text: match[0],
    ...claimUnit(match[2]!, parseClaimNumber(match[1]!)),
  }));
}

function close(claimed: number, known: number): boolean {
  return Math.abs(claimed - known) <= Math.max(Math.abs(known) * 0.02, 0.51);
}

function isSupported(claim: Claim, known: KnownNumbers): boolean {
  if (claim.unit === "percent") {
    for (const values of known.values()) {
      for (const a of values) {
        for (const b of values) {
          if (b === 0) continue;
          const ratio = (a / b) * 100;
          if (
            Math.abs(ratio - claim.value) <= 1 ||
            Math.abs(Math.abs(ratio - 100) - claim.value) <= 1
          ) {
            return true;
          }
        }
      }
    }
    return false;
  }

  const values = known.get(claim.unit) ?? [];
  if (values.some((value) => close(claim.value, value))) return true;
  return values.some((a) => values.some((b) => a !== b && close(claim.value, Math.abs(a - b))));
}

/** Returns the claims of a text that match none of the known numbers, as they were written. */
export function unsupportedClaims(text: string, known: KnownNumbers): string[] {
  return findClaims(text)
    .filter((claim) => !isSupported(claim, known))
    .map((claim) => claim.text);
}
