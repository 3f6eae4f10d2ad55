import type { Logger } from "pino";

import type { Clock } from "../../platform/clock";
import type { Config } from "../../platform/config";
import type { Counters } from "../../platform/counters";
import type { Database } from "../../platform/database";
import type { AccountsService } from "../accounts/accounts.service";
import type { AuditService } from "../audit/audit.service";
import { createChatService, type ChatService } from "./chat.service";
import type {
  CoachDataSource,
  ExerciseCatalogSource,
  FoodCatalogSource,
  MealLogSink,
} from "./coach-data";
import { createCoachLimits } from "./coach-limits";
import { createCoachPrivacyService, type CoachPrivacyService } from "./coach-privacy.service";
import { createCoachService, type CoachService } from "./coach.service";
import { createConversationsService, type ConversationsService } from "./conversations.service";
import { createMealPhotoService, type MealPhotoService } from "./meal-photo.service";
import { createMealPlansService, type MealPlansService } from "./meal-plans.service";
import { createProgramsService, type ProgramsService } from "./programs.service";
import { createBuiltinProvider } from "./providers/builtin-provider";
import { createCoachProvider } from "./providers/create-provider";
import type { CoachProvider } from "./providers/provider";

/** Sources the coach reads from and writes to in other features; see coach-data.ts. */
export interface CoachSources {
  data: CoachDataSource;
  foods: FoodCatalogSource;
  exercises: ExerciseCatalogSource;
  mealLog: MealLogSink;
}

/** The coach's services, built once per app. */
export interface CoachFeature {
  provider: CoachProvider;
  coach: CoachService;
  chat: ChatService;
  conversations: ConversationsService;
  privacy: CoachPrivacyService;
  mealPlans: MealPlansService;
  programs: ProgramsService;
  mealPhoto: MealPhotoService;
}

export function createCoachFeature(deps: {
  db: Database;
  clock: Clock;
  config: Config;
  logger: Logger;
  counters: Counters;
  accounts: AccountsService;
  audit: AuditService;
  sources: CoachSources;
  /** Replaces the provider COACH_PROVIDER names; tests pass one aimed at a local fake server. */
  provider?: CoachProvider;
}): CoachFeature {
  const { db, clock, config, logger, sources } = deps;
  const coachConfig = config.coach;
  const provider = deps.provider ?? createCoachProvider(coachConfig);
  const builtin = createBuiltinProvider();

  const privacy = createCoachPrivacyService({
    db,
    clock,
    config: coachConfig,
    provider,
    audit: deps.audit,
  });
  const limits = createCoachLimits({
    counters: deps.counters,
    clock,
    config: coachConfig,
    privacy,
    logger,
  });
  const conversations = createConversationsService({ db, clock });
  const coach = createCoachService({
    clock,
    config: coachConfig,
    logger,
    accounts: deps.accounts,
    data: sources.data,
    provider,
    builtin,
    privacy,
    limits,
  });

  return {
    provider,
    coach,
    privacy,
    conversations,
    chat: createChatService({
      config: coachConfig,
      logger,
      coach,
      provider,
      builtin,
      privacy,
      limits,
      conversations,
    }),
    mealPlans: createMealPlansService({
      db,
      clock,
      logger,
      coach,
      limits,
      foods: sources.foods,
      mealLog: sources.mealLog,
    }),
    programs: createProgramsService({
      db,
      clock,
      limits,
      data: sources.data,
      exercises: sources.exercises,
    }),
    mealPhoto: createMealPhotoService({
      config,
      logger,
      provider,
      privacy,
      limits,
      foods: sources.foods,
    }),
  };
}
