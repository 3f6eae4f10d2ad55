import type { Logger } from "pino";

import type { Clock } from "../../platform/clock";
import type { CoachConfig } from "../../platform/config";
import type { Counters } from "../../platform/counters";
import { problem } from "../../platform/errors";
import { startOfUtcDay, type CoachPrivacyService } from "./coach-privacy.service";

export interface CoachLimits {
  /**
   * Counts a coach request against every per-user window (10 a minute and 50 an hour by
   * default) and throws a 429 problem with Retry-After when one is full. The counters live in
   * Redis when it is configured, so the limits hold across server instances.
   */
  countRequest(userId: string): Promise<void>;
  /**
   * Throws a 429 problem with Retry-After (seconds to the next UTC midnight) when the user's or
   * the server's spending on model calls today has reached its budget. Calls already running
   * can overshoot a budget by their own cost.
   */
  assertBudgetLeft(userId: string): Promise<void>;
}

export function createCoachLimits(deps: {
  counters: Counters;
  clock: Clock;
  config: CoachConfig;
  privacy: CoachPrivacyService;
  logger: Logger;
}): CoachLimits {
  const log = deps.logger.child({ component: "coach-limits" });

  function secondsToMidnight(): number {
    const now = deps.clock.now();
    const midnight = startOfUtcDay(now).getTime() + 86_400_000;
    return Math.max(1, Math.ceil((midnight - now.getTime()) / 1000));
  }

  return {
    async countRequest(userId) {
      for (const rule of deps.config.rateLimits) {
        const state = await deps.counters.hit(
          `coach:${rule.windowSeconds}:${userId}`,
          rule.windowSeconds * 1000,
        );
        if (state.count > rule.max) {
          const retryAfter = Math.max(1, Math.ceil(state.resetInMs / 1000));
          log.warn({ userId, limit: rule.text }, "coach rate limit exceeded");
          throw problem("rate-limited", {
            detail: `The coach answers at most ${rule.text.replace("/", " requests per ")}; try again in ${retryAfter} seconds.`,
            headers: { "retry-after": String(retryAfter) },
          });
        }
      }
    },

    async assertBudgetLeft(userId) {
      const [user, everyone] = await Promise.all([
        deps.privacy.spentToday(userId),
        deps.privacy.spentToday(null),
      ]);
      const retryAfter = String(secondsToMidnight());
      if (user >= deps.config.userDailyBudgetMicroUsd) {
        log.warn({ userId }, "coach user budget exhausted");
        throw problem("rate-limited", {
          detail: "You have used today's budget for the coach's model; it resets at midnight UTC.",
          headers: { "retry-after": retryAfter },
        });
      }
      if (everyone >= deps.config.globalDailyBudgetMicroUsd) {
        log.warn({ userId }, "coach global budget exhausted");
        throw problem("rate-limited", {
          detail:
            "The server has used today's budget for the coach's model; it resets at midnight UTC.",
          headers: { "retry-after": retryAfter },
        });
      }
    },
  };
}
