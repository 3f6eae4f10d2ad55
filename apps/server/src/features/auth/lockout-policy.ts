import type { Config } from "../../platform/config";

/** The failure state stored on an account. */
export interface FailureState {
  failedLoginCount: number;
  failedLoginWindowStartedAt: Date | null;
  lastFailedLoginAt: Date | null;
  lockLevel: number;
  lockedUntil: Date | null;
}

export interface FailureOutcome {
  next: FailureState;
  /** Minutes of a lock that starts now, or null when this failure starts none. */
  newLockMinutes: number | null;
}

/** Two failures closer together than this add a short wait, which slows scripted guessing. */
export const RAPID_FAILURE_MS = 1_000;
export const RAPID_FAILURE_WAIT_MS = 60_000;

/**
 * Applies one failed password to the account's state. Failures count within a sliding window;
 * reaching the threshold locks the account for a period that doubles with each lock in a row, up to
 * the maximum. A lock answers exactly like a wrong password and never applies to known devices,
 * the unlock link or a password reset, so an attacker cannot keep the owner out.
 */
export function applyFailure(
  state: FailureState,
  now: Date,
  policy: Config["auth"],
): FailureOutcome {
  const windowMs = policy.lockoutWindowMinutes * 60_000;
  const windowOpen =
    state.failedLoginWindowStartedAt !== null &&
    now.getTime() - state.failedLoginWindowStartedAt.getTime() < windowMs;
  const count = windowOpen ? state.failedLoginCount + 1 : 1;
  const windowStart = windowOpen ? state.failedLoginWindowStartedAt : now;

  let lockedUntil = state.lockedUntil && state.lockedUntil > now ? state.lockedUntil : null;
  const rapid =
    state.lastFailedLoginAt !== null &&
    now.getTime() - state.lastFailedLoginAt.getTime() < RAPID_FAILURE_MS;
  if (rapid) lockedUntil = later(lockedUntil, new Date(now.getTime() + RAPID_FAILURE_WAIT_MS));

  if (count >= policy.lockoutThreshold) {
    const level = state.lockLevel + 1;
    const minutes = lockMinutes(level, policy);
    return {
      next: {
        failedLoginCount: 0,
        failedLoginWindowStartedAt: null,
        lastFailedLoginAt: now,
        lockLevel: level,
        lockedUntil: later(lockedUntil, new Date(now.getTime() + minutes * 60_000)),
      },
      newLockMinutes: minutes,
    };
  }

  return {
    next: {
      failedLoginCount: count,
      failedLoginWindowStartedAt: windowStart,
      lastFailedLoginAt: now,
      lockLevel: state.lockLevel,
      lockedUntil,
    },
    newLockMinutes: null,
  };
}

export function lockMinutes(level: number, policy: Config["auth"]): number {
  return Math.min(
    policy.lockoutBaseMinutes * 2 ** Math.max(level - 1, 0),
    policy.lockoutMaxMinutes,
  );
}

export function isLocked(state: Pick<FailureState, "lockedUntil">, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil > now;
}

/** State after a successful login, unlock or password reset: no failures, no lock. */
export const CLEARED_FAILURE_STATE: FailureState = {
  failedLoginCount: 0,
  failedLoginWindowStartedAt: null,
  lastFailedLoginAt: null,
  lockLevel: 0,
  lockedUntil: null,
};

function later(first: Date | null, second: Date): Date {
  return first && first > second ? first : second;
}
