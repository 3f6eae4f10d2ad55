import { ProblemError } from "@fitcoach/client";

import { isPasswordStrongEnough } from "../../ui/password-strength";

/**
 * Throws a weak-password problem for the named field when the password fails the strength policy,
 * so the form shows it as it shows a server rejection, without a round trip.
 */
export async function assertStrongPassword(
  field: string,
  password: string,
  userInputs: string[],
  message: string,
): Promise<void> {
  if (await isPasswordStrongEnough(password, userInputs)) return;
  throw new ProblemError({
    type: "/problems/weak-password",
    title: "Password is too weak",
    status: 400,
    errors: [{ field, message }],
  });
}
