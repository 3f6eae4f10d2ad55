import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary as commonDictionary } from "@zxcvbn-ts/language-common";
import { dictionary as englishDictionary, translations } from "@zxcvbn-ts/language-en";

import { checkPasswordLength, normalizePassword, PASSWORD_MIN_SCORE } from "./password";

// The dictionaries are several megabytes, so this module is its own entry point: clients load it
// only on screens that set a password.
const zxcvbn = new ZxcvbnFactory({
  dictionary: { ...commonDictionary, ...englishDictionary },
  graphs: adjacencyGraphs,
  translations,
});

/** Outcome of the password policy: `ok` false comes with a reason and suggestions to show. */
export interface PasswordVerdict {
  ok: boolean;
  score: number;
  reason: string | null;
  suggestions: string[];
}

/**
 * Checks a password against the length rule and the zxcvbn strength estimate (including the
 * common-password lists). `userInputs` are words the password must not lean on, such as the
 * account's email and name.
 */
export function checkPasswordStrength(
  password: string,
  userInputs: string[] = [],
): PasswordVerdict {
  const lengthProblem = checkPasswordLength(password);
  if (lengthProblem) {
    return { ok: false, score: 0, reason: lengthProblem, suggestions: [] };
  }

  const inputs = userInputs.flatMap(splitUserInput);
  const result = zxcvbn.check(normalizePassword(password), inputs);
  if (result.score >= PASSWORD_MIN_SCORE) {
    return { ok: true, score: result.score, reason: null, suggestions: [] };
  }

  const warning = result.feedback.warning ?? "This password is easy to guess.";
  return {
    ok: false,
    score: result.score,
    reason: warning,
    suggestions: result.feedback.suggestions.length
      ? result.feedback.suggestions
      : ["Use a longer passphrase of several unrelated words."],
  };
}

// An email counts both whole and by its local part, so "anna.smith@x.org" also penalises
// "anna" and "smith".
function splitUserInput(input: string): string[] {
  const trimmed = input.trim().toLowerCase();
  if (!trimmed) return [];
  const local = trimmed.split("@")[0] ?? trimmed;
  return [trimmed, local, ...local.split(/[^\p{L}\p{N}]+/u).filter((part) => part.length >= 3)];
}
