import { checkPasswordStrength } from "@fitcoach/contract/password-strength";

import { problem } from "../../platform/errors";

/**
 * Throws a weak-password problem naming the field when the password fails the shared policy.
 * The account's email and name are inputs to the strength estimate, so "anna1987anna" is weak for
 * Anna. The verdict depends only on the request, never on whether the account exists.
 */
export function assertStrongPassword(
  password: string,
  userInputs: (string | null | undefined)[],
  field: string,
): void {
  const verdict = checkPasswordStrength(
    password,
    userInputs.filter((input): input is string => Boolean(input)),
  );
  if (verdict.ok) return;

  const suggestion = verdict.suggestions[0];
  throw problem("weak-password", {
    detail: suggestion
      ? `${verdict.reason} ${suggestion}`
      : (verdict.reason ?? "The password is too easy to guess."),
    errors: [{ field, message: verdict.reason ?? "is too easy to guess" }],
  });
}
