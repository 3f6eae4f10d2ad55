import type { Me } from "@fitcoach/contract";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";

import { TextField } from "../../ui/text-field";
import { weightToKg } from "./units";

/** Range the coach accepts for a body weight, in kilograms. */
export const WEIGHT_KG_MIN = 25;
export const WEIGHT_KG_MAX = 400;

export type WeightParse = { ok: true; weightKg: number | undefined } | { ok: false; error: string };

/** Reads an optional weight typed in the user's units; empty means "use the logged weight". */
export function parseWeight(text: string, units: Me["units"], t: TFunction): WeightParse {
  const trimmed = text.trim().replace(",", ".");
  if (trimmed === "") return { ok: true, weightKg: undefined };

  const weightKg = weightToKg(Number(trimmed), units);
  if (!Number.isFinite(weightKg) || weightKg < WEIGHT_KG_MIN || weightKg > WEIGHT_KG_MAX) {
    return {
      ok: false,
      error: t("coach.weight.range", { min: WEIGHT_KG_MIN, max: WEIGHT_KG_MAX }),
    };
  }
  return { ok: true, weightKg };
}

/** Renders a labelled weight input in the user's units, with a hint that it may stay empty. */
export function WeightField(props: {
  units: Me["units"];
  value: string;
  error: string | undefined;
  onChange(value: string): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <TextField
      label={props.units === "imperial" ? t("coach.weight.labelLb") : t("coach.weight.labelKg")}
      hint={t("coach.weight.hint")}
      inputMode="decimal"
      autoComplete="off"
      value={props.value}
      onChange={(event) => props.onChange(event.target.value)}
      error={props.error}
    />
  );
}
