import type { TFunction } from "i18next";
import type { z } from "zod";
import { ProblemError } from "@fitcoach/client";
import { NAME_MAX_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@fitcoach/contract";

/** Message per field name; "" is the form as a whole. */
export type FieldErrors = Record<string, string>;

export type ValidationResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

// Fields whose rules are regexes or custom checks; their schema messages are English only, so each
// gets one translated sentence that states the whole rule.
const FIELD_RULE_KEYS: Record<string, string> = {
  password: "validation.passwordLength",
  newPassword: "validation.passwordLength",
  code: "validation.totpCode",
  recoveryCode: "validation.recoveryCode",
  timeZone: "validation.timeZone",
  birthDate: "validation.birthDate",
  name: "validation.name",
  token: "validation.token",
  date: "validation.date",
};

/**
 * Validates form values with a contract schema, the same one the server applies, and returns a
 * translated message per failing field.
 */
export function validateWith<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  t: TFunction,
): ValidationResult<z.output<Schema>> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, data: parsed.data };

  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path.map(String).join(".");
    errors[field] ??= messageForIssue(issue, field, t);
  }
  return { ok: false, errors };
}

function messageForIssue(issue: z.core.$ZodIssue, field: string, t: TFunction): string {
  const ruleKey = FIELD_RULE_KEYS[field.split(".").at(-1) ?? ""];
  if (issue.code === "invalid_type" && issue.input === undefined) return t("validation.required");
  if (issue.code === "too_small" && issue.origin === "string" && Number(issue.minimum) <= 1) {
    return t("validation.required");
  }
  if (ruleKey) {
    return t(ruleKey, {
      min: PASSWORD_MIN_LENGTH,
      max: PASSWORD_MAX_LENGTH,
      nameMax: NAME_MAX_LENGTH,
    });
  }
  if (issue.code === "invalid_format" && issue.format === "email") return t("validation.email");
  if (issue.code === "invalid_type") return t("validation.number");
  if (issue.code === "too_small") return t("validation.tooSmall", { min: String(issue.minimum) });
  if (issue.code === "too_big") return t("validation.tooBig", { max: String(issue.maximum) });
  return t("validation.invalid");
}

/** Returns the server's field errors of a 400 problem, keyed like the form's own errors. */
export function serverFieldErrors(error: unknown): FieldErrors {
  if (!(error instanceof ProblemError)) return {};
  const errors: FieldErrors = {};
  for (const item of error.fieldErrors) errors[item.field] ??= item.message;
  return errors;
}
