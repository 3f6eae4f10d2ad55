import type * as PasswordStrength from "@fitcoach/contract/password-strength";

import { problem } from "../../platform/errors";

let strengthModule: Promise<typeof PasswordStrength> | undefined;

// The zxcvbn dictionaries take about 70 MB once decompressed, so they load on the first password
// check instead of at start, and a server that only serves tracking requests never loads them.
function loadStrengthModule(): Promise<typeof PasswordStrength> {
  strengthModule ??= import("@fitcoach/contract/password-strength");
  return strengthModule;
}

/**
 * Throws a weak-password problem naming the field when the password fails the shared policy.
 * The account's email and name are inputs to the strength estimate, so "anna1987anna" is weak for
 * Anna. The verdict depends only on the request, never on whether the account exists.
 */
export async function assertStrongPassword(
  password: string,
  userInputs: (string | null | undefined)[],
  field: string,
): Promise<void> {
  const { checkPasswordStrength } = await loadStrengthModule();
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
