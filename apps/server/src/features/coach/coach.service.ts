import type { FieldError, Me, Summary, Targets, TargetsQuery } from "@fitcoach/contract";
import type { Logger } from "pino";

import type { Clock } from "../../platform/clock";
import type { CoachConfig } from "../../platform/config";
import { problem } from "../../platform/errors";
import { addDays, assertLoggableDate, notBeforeEarliest, todayIn } from "../../platform/local-date";
import type { AccountsService } from "../accounts/accounts.service";
import type { AuthenticatedUser } from "../auth/sessions.service";
import { builtinSummary, type SummaryDraft } from "./builtin-summary";
import { dataForModel, type CoachContext } from "./coach-context";
import type { CoachDataSource } from "./coach-data";
import type { CoachLimits } from "./coach-limits";
import type { CoachPrivacyService } from "./coach-privacy.service";
import { abortable, startDeadline } from "./deadline";
import { collectKnownNumbers, unsupportedClaims } from "./number-check";
import type { CoachProvider } from "./providers/provider";
import { computeTargets, ageOn, goalFromTargetWeight } from "./targets";
import { describeDays } from "./statistics";
import { dayFacts, nutritionTargets, waterTargetMl } from "./summary-facts";
import { builtinReason, failureNote } from "./coach-notes";

/** Days of the log the chat context covers. */
export const CHAT_CONTEXT_DAYS = 14;
/** Days before a summarised day that give it context (trends, recent averages). */
const SUMMARY_CONTEXT_DAYS = 7;

export interface CoachService {
  targets(userId: string, query: TargetsQuery): Promise<Targets>;
  /** Loads the user's context for the `days` days ending on `endDate` (today when omitted). */
  loadContext(userId: string, options: { endDate?: string; days: number }): Promise<CoachContext>;
  summary(user: AuthenticatedUser, date: string): Promise<Summary>;
}

export interface CoachServiceDependencies {
  clock: Clock;
  config: CoachConfig;
  logger: Logger;
  accounts: AccountsService;
  data: CoachDataSource;
  provider: CoachProvider;
  builtin: CoachProvider;
  privacy: CoachPrivacyService;
  limits: CoachLimits;
}

export function createCoachService(deps: CoachServiceDependencies): CoachService {
  const { clock, data, provider } = deps;
  const log = deps.logger.child({ component: "coach" });

  /** Computes targets, or returns the profile fields that are missing. */
  async function tryTargets(
    userId: string,
    me: Me,
    query: TargetsQuery,
  ): Promise<{ targets: Targets } | { missing: FieldError[] }> {
    const today = todayIn(me.timeZone, clock.now());
    const weightKg = query.weightKg ?? (await data.latestWeight(userId, today))?.weightKg ?? null;

    const missing: FieldError[] = [];
    if (!me.birthDate) missing.push({ field: "birthDate", message: "is not set in your profile" });
    if (!me.sex) missing.push({ field: "sex", message: "is not set in your profile" });
    if (!me.heightCm) missing.push({ field: "heightCm", message: "is not set in your profile" });
    if (!me.activityLevel) {
      missing.push({ field: "activityLevel", message: "is not set in your profile" });
    }
    if (weightKg === null) {
      missing.push({ field: "weightKg", message: "no weight is logged; log one or pass weightKg" });
    }
    if (missing.length > 0) return { missing };

    const goals = await data.goals(userId);
    const goal =
      query.goal ?? goals?.goal ?? goalFromTargetWeight(weightKg!, goals?.targetWeightKg ?? null);
    return {
      targets: computeTargets({
        sex: me.sex!,
        ageYears: ageOn(me.birthDate!, today),
        heightCm: me.heightCm!,
        weightKg: weightKg!,
        activityLevel: me.activityLevel!,
        goal,
      }),
    };
  }

  async function loadContext(
    userId: string,
    options: { endDate?: string; days: number },
  ): Promise<CoachContext> {
    const me = await deps.accounts.getMe(userId);
    const today = todayIn(me.timeZone, clock.now());
    const endDate = options.endDate ?? today;
    const [days, goals, computed] = await Promise.all([
      data.recentDays(userId, notBeforeEarliest(addDays(endDate, -(options.days - 1))), endDate),
      data.goals(userId),
      tryTargets(userId, me, {}),
    ]);
    const targets = "targets" in computed ? computed.targets : null;
    const base = { goals, targets, waterGoalMl: me.waterGoalMl };
    return {
      ...base,
      today,
      days,
      statistics: describeDays(days, nutritionTargets(base), waterTargetMl(base)),
    };
  }

  /** Keeps the model's items whose numbers match the data; fills suggestions from the builtin. */
  function checkSummary(
    draft: SummaryDraft,
    fallback: SummaryDraft,
    known: ReturnType<typeof collectKnownNumbers>,
    notes: string[],
  ): SummaryDraft {
    let dropped = 0;
    const keep = (items: SummaryDraft["wentWell"]): SummaryDraft["wentWell"] =>
      items.filter((item) => {
        const isSupported = unsupportedClaims(item.text, known).length === 0;
        if (!isSupported) dropped += 1;
        return isSupported;
      });
    const suggestions = keep(draft.suggestions).filter((item) => item.basis.length > 0);
    const result = {
      wentWell: keep(draft.wentWell),
      toChange: keep(draft.toChange),
      suggestions: [...suggestions, ...fallback.suggestions].slice(0, 3),
    };
    if (dropped > 0) {
      notes.push(
        `${dropped} statement${dropped === 1 ? "" : "s"} from the model cited numbers that do not match your data and ${dropped === 1 ? "was" : "were"} left out.`,
      );
    }
    if (suggestions.length < 3) {
      notes.push(
        "Some suggestions come from the builtin coach because the model gave fewer than three that cite your data.",
      );
    }
    return result;
  }

  return {
    async targets(userId, query) {
      const result = await tryTargets(userId, await deps.accounts.getMe(userId), query);
      if ("missing" in result) {
        throw problem("unprocessable-content", {
          detail: `Targets need ${result.missing.map((item) => item.field).join(", ")}; complete your profile or log your weight.`,
          errors: result.missing,
        });
      }
      return result.targets;
    },

    loadContext,

    async summary(user, date) {
      assertLoggableDate(date, user.timeZone, clock.now());
      await deps.limits.countRequest(user.userId);

      const context = await loadContext(user.userId, {
        endDate: date,
        days: SUMMARY_CONTEXT_DAYS + 1,
      });
      const day = context.days.find((item) => item.date === date) ?? null;
      const facts = dayFacts(day, context);
      const fallback = builtinSummary(context, facts);
      const notes: string[] = [];
      const answer = (draft: SummaryDraft, by: CoachProvider): Summary => ({
        date,
        ...draft,
        provider: by.name,
        model: by.model,
        notes,
      });

      const reason = builtinReason(provider, user);
      if (reason) {
        if (reason.note) notes.push(reason.note);
        return answer(fallback, deps.builtin);
      }
      const areas = await deps.privacy.areas(user.userId);
      const modelFacts = facts.filter((fact) => areas[fact.area]);
      // An empty day needs no model; the builtin summary already says nothing was logged.
      if (facts.length === 0) return answer(fallback, deps.builtin);
      if (modelFacts.length === 0) {
        notes.push(
          "None of this day's data is in an area you share with the model, so the builtin coach wrote this summary.",
        );
        return answer(fallback, deps.builtin);
      }
      await deps.limits.assertBudgetLeft(user.userId);

      const modelData = dataForModel(context, areas);
      const deadline = startDeadline(deps.config.timeoutMs);
      const started = Date.now();
      try {
        const result = await abortable(
          provider.summarize({ date, context, facts: modelFacts, modelData }, deadline.signal),
          deadline.signal,
        );
        await deps.privacy.recordCall(user.userId, {
          agent: "summary",
          model: provider.model,
          areas: modelData.areas,
          usage: result.usage,
          outcome: "ok",
          durationMs: Date.now() - started,
        });
        const known = collectKnownNumbers({ facts: modelFacts, data: modelData.data });
        return answer(checkSummary(result.draft, fallback, known, notes), provider);
      } catch (error) {
        const outcome = deadline.timedOut() ? "timed-out" : "failed";
        log.error(
          { err: error, userId: user.userId, provider: provider.name, outcome },
          "coach summary call failed",
        );
        await deps.privacy.recordCall(user.userId, {
          agent: "summary",
          model: provider.model,
          areas: modelData.areas,
          // NOTE: a failed call reports no usage, so none is recorded; a provider may still bill
          // the input of a call that timed out.
          usage: { inputTokens: 0, outputTokens: 0 },
          outcome,
          durationMs: Date.now() - started,
        });
        notes.push(failureNote(outcome, deps.config.timeoutMs));
        return answer(fallback, deps.builtin);
      } finally {
        deadline.dispose();
      }
    },
  };
}
