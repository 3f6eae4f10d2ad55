import type { AuthenticatedUser } from "../auth/sessions.service";
import type { CoachProvider } from "./providers/provider";

/**
 * Returns why the builtin coach must reply instead of the model, with the note to show (null when
 * nothing needs saying), or null when the configured model may reply.
 */
export function builtinReason(
  provider: CoachProvider,
  user: AuthenticatedUser,
): { note: string | null } | null {
  if (!provider.isExternal) return { note: null };
  if (!user.emailVerified) {
    return {
      note: "Confirm your email address to use the coach's external model; the builtin coach answered.",
    };
  }
  return null;
}

/** Returns the note shown when a model call failed and the builtin coach replied instead. */
export function failureNote(outcome: "failed" | "timed-out", timeoutMs: number): string {
  return outcome === "timed-out"
    ? `The model did not answer within ${Math.round(timeoutMs / 1000)} seconds, so the builtin coach answered.`
    : "The model request failed, so the builtin coach answered.";
}
