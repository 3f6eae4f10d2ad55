import type { AppDependencies } from "./app";
import { SecretBox } from "./platform/crypto";
import { createMailSender } from "./platform/mail/mail-sender";
import type { MailSender } from "./platform/mail/mail-sender";
import { createAccountsService } from "./features/accounts/accounts.service";
import type { AccountsService } from "./features/accounts/accounts.service";
import { createAuditService } from "./features/audit/audit.service";
import type { AuditService } from "./features/audit/audit.service";
import { createAccountRecoveryService } from "./features/auth/account-recovery.service";
import type { AccountRecoveryService } from "./features/auth/account-recovery.service";
import { createCredentialsService } from "./features/auth/credentials.service";
import type { CredentialsService } from "./features/auth/credentials.service";
import { createBruteForceGuard } from "./features/auth/brute-force-guard";
import { createLoginCompletion } from "./features/auth/login-completion";
import type { LoginCompletion } from "./features/auth/login-completion";
import { createLoginService } from "./features/auth/login.service";
import { createSecondFactorLogin } from "./features/auth/second-factor-login";
import type { LoginService } from "./features/auth/login.service";
import { PasswordHasher } from "./features/auth/password-hasher";
import { createSessionsService } from "./features/auth/sessions.service";
import type { SessionsService } from "./features/auth/sessions.service";
import { createFileExerciseCatalog, createFileFoodCatalog } from "./features/coach/catalog-files";
import { createMealPlanLog, createTrackingCoachData } from "./features/coach/tracking-sources";
import { createCoachFeature } from "./features/coach/coach-feature";
import type { CoachFeature } from "./features/coach/coach-feature";
import { createCustomFoodsService } from "./features/foods/custom-foods.service";
import type { CustomFoodsService } from "./features/foods/custom-foods.service";
import { createFoodsService } from "./features/foods/foods.service";
import type { FoodsService } from "./features/foods/foods.service";
import { MealPhotoStore } from "./features/meals/meal-photo-files";
import { createMealPhotosService } from "./features/meals/meal-photos.service";
import type { MealPhotosService } from "./features/meals/meal-photos.service";
import { createMealsService } from "./features/meals/meals.service";
import type { MealsService } from "./features/meals/meals.service";
import { createSavedMealsService } from "./features/meals/saved-meals.service";
import type { SavedMealsService } from "./features/meals/saved-meals.service";
import { createHealthService } from "./features/health/health.service";
import type { HealthService } from "./features/health/health.service";
import { createSigningKeysService } from "./features/signing-keys/signing-keys.service";
import type { SigningKeysService } from "./features/signing-keys/signing-keys.service";
import { createTwoFactorAccountService } from "./features/two-factor/two-factor-account.service";
import type { TwoFactorAccountService } from "./features/two-factor/two-factor-account.service";
import { createTwoFactorService } from "./features/two-factor/two-factor.service";
import type { TwoFactorService } from "./features/two-factor/two-factor.service";
import { createNotificationsService } from "./features/notifications/notifications.service";
import type { NotificationsService } from "./features/notifications/notifications.service";
import { createPublicPushAgent } from "./features/notifications/push-network";
import { createPushService } from "./features/notifications/push.service";
import type { PushService } from "./features/notifications/push.service";
import { vapidKeySource } from "./features/notifications/vapid-keys";
import { createTrackingReminderData } from "./features/reminders/tracking-data-source";
import type { ReminderDataSource } from "./features/reminders/reminder-data-source";
import { createReminderDelivery } from "./features/reminders/reminder-delivery";
import type { ReminderDelivery } from "./features/reminders/reminder-delivery";
import { createReminderPlanner } from "./features/reminders/reminder-planner";
import type { ReminderPlanner } from "./features/reminders/reminder-planner";
import { createRemindersService } from "./features/reminders/reminders.service";
import type { RemindersService } from "./features/reminders/reminders.service";
import { UnsubscribeTokens } from "./features/reminders/unsubscribe-token";
import { createBodyService } from "./features/body/body.service";
import type { BodyService } from "./features/body/body.service";
import { createDaysService } from "./features/days/days.service";
import type { DaysService } from "./features/days/days.service";
import { createExercisesService } from "./features/exercises/exercises.service";
import type { ExercisesService } from "./features/exercises/exercises.service";
import { createGoalsService } from "./features/goals/goals.service";
import type { GoalsService } from "./features/goals/goals.service";
import { createMoodService } from "./features/mood/mood.service";
import type { MoodService } from "./features/mood/mood.service";
import { createMealsNutritionSource } from "./features/meals/nutrition-source";
import type { NutritionSource } from "./features/nutrition-source/nutrition-source";
import { createSleepService } from "./features/sleep/sleep.service";
import type { SleepService } from "./features/sleep/sleep.service";
import { createStatsService } from "./features/stats/stats.service";
import type { StatsService } from "./features/stats/stats.service";
import { createStepsService } from "./features/steps/steps.service";
import type { StepsService } from "./features/steps/steps.service";
import { createWaterService } from "./features/water/water.service";
import type { WaterService } from "./features/water/water.service";
import { createWorkoutsService } from "./features/workouts/workouts.service";
import type { WorkoutsService } from "./features/workouts/workouts.service";
import { createAccountDeletionService } from "./features/accounts/account-deletion.service";
import type { AccountDeletionService } from "./features/accounts/account-deletion.service";
import {
  accountRecordSections,
  coachAndReminderSections,
} from "./features/data-transfer/account-sections";
import { createDataTransferService } from "./features/data-transfer/data-transfer.service";
import type { DataTransferService } from "./features/data-transfer/data-transfer.service";

/** Every feature's service, built once per app; features reach each other only through these. */
export interface Services {
  health: HealthService;
  mail: MailSender;
  hasher: PasswordHasher;
  audit: AuditService;
  accounts: AccountsService;
  signingKeys: SigningKeysService;
  sessions: SessionsService;
  twoFactor: TwoFactorService;
  login: LoginService;
  loginCompletion: LoginCompletion;
  recovery: AccountRecoveryService;
  credentials: CredentialsService;
  twoFactorAccount: TwoFactorAccountService;
  coach: CoachFeature;
  notifications: NotificationsService;
  push: PushService;
  unsubscribeTokens: UnsubscribeTokens;
  reminderPlanner: ReminderPlanner;
  reminderDelivery: ReminderDelivery;
  reminders: RemindersService;
  exercises: ExercisesService;
  workouts: WorkoutsService;
  water: WaterService;
  sleep: SleepService;
  mood: MoodService;
  body: BodyService;
  steps: StepsService;
  goals: GoalsService;
  nutrition: NutritionSource;
  days: DaysService;
  stats: StatsService;
  dataTransfer: DataTransferService;
  accountDeletion: AccountDeletionService;
  foods: FoodsService;
  customFoods: CustomFoodsService;
  meals: MealsService;
  mealPhotos: MealPhotosService;
  savedMeals: SavedMealsService;
}

/** Services a test replaces with its own implementation. */
export interface ServiceOverrides {
  reminderData?: ReminderDataSource;
}

export function createServices(deps: AppDependencies, overrides: ServiceOverrides = {}): Services {
  const { config, clock, logger } = deps;
  const db = deps.database.db;

  const health = createHealthService({
    pingDatabase: () => deps.database.ping(),
    redis: deps.redis,
    logger,
  });
  const mail = createMailSender({ clock, jobs: deps.jobs });
  const hasher = new PasswordHasher(
    config.bcryptCost,
    config.passwordPepper,
    config.previousPasswordPeppers,
  );
  const audit = createAuditService({ db, clock, logger });
  const accounts = createAccountsService({ db, clock });
  const signingKeys = createSigningKeysService({
    db,
    clock,
    logger,
    secretBox: new SecretBox(config.secretKey, config.previousSecretKeys, "signing-key"),
    issuer: config.auth.issuer,
    audience: config.auth.audience,
    accessTokenTtlSeconds: config.auth.accessTokenTtlSeconds,
    rotationDays: config.auth.signingKeyRotationDays,
  });
  const sessions = createSessionsService({ db, clock, config: config.auth, signingKeys, audit });
  const twoFactor = createTwoFactorService({
    db,
    clock,
    secretBox: new SecretBox(config.secretKey, config.previousSecretKeys, "totp-secret"),
  });
  const shared = { db, clock, config, hasher, accounts, sessions, audit, mail };
  const loginCompletion = createLoginCompletion({ db, clock, sessions, audit, mail });
  const login = createLoginService({
    db,
    clock,
    hasher,
    accounts,
    audit,
    guard: createBruteForceGuard({ db, clock, config, audit, mail }),
    completion: loginCompletion,
    secondFactor: createSecondFactorLogin({
      db,
      clock,
      accounts,
      twoFactor,
      audit,
      mail,
      completion: loginCompletion,
    }),
  });
  const recovery = createAccountRecoveryService({ ...shared, jobs: deps.jobs });
  const credentials = createCredentialsService({ ...shared, twoFactor });
  const twoFactorAccount = createTwoFactorAccountService({
    db,
    clock,
    accounts,
    credentials,
    sessions,
    twoFactor,
    audit,
    mail,
  });
  const foods = createFoodsService({ db });
  const customFoods = createCustomFoodsService({ db, clock });
  const photoStore = new MealPhotoStore(config.dataDir, logger);
  const meals = createMealsService({ db, clock, foods, photos: photoStore });
  const mealPhotos = createMealPhotosService({
    db,
    clock,
    logger,
    photos: photoStore,
    maxPixels: config.uploads.maxPixels,
  });
  const savedMeals = createSavedMealsService({ db, clock, foods, meals });

  const exercises = createExercisesService({ db });
  const workouts = createWorkoutsService({ db, clock, exercises });
  const water = createWaterService({ db, clock });
  const sleep = createSleepService({ db, clock });
  const mood = createMoodService({ db, clock });
  const body = createBodyService({ db, clock });
  const steps = createStepsService({ db, clock });
  const goals = createGoalsService({ db, clock, accounts });
  const nutrition = createMealsNutritionSource({ meals, customFoods, savedMeals });
  const days = createDaysService({ db, clock, nutrition, goals, water, sleep, mood, steps });
  const stats = createStatsService({ db, clock, nutrition });
  const dataTransfer = createDataTransferService({
    db,
    clock,
    config,
    logger,
    jobs: deps.jobs,
    audit,
    accounts,
    exercises,
    workouts,
    nutrition,
    concurrentWrites: deps.database.kind === "postgres",
    extraSections: [...coachAndReminderSections(db), ...accountRecordSections(db)],
  });
  const accountDeletion = createAccountDeletionService({
    db,
    clock,
    config,
    logger,
    credentials,
    sessions,
    audit,
    mail,
  });

  const coach = createCoachFeature({
    db,
    clock,
    config,
    logger,
    counters: deps.counters,
    accounts,
    audit,
    // The planners read the catalogs from the same files the database was loaded from, in memory,
    // because they score thousands of candidates per plan.
    sources: {
      data: createTrackingCoachData({ db, clock, accounts, days, goals, body }),
      foods: createFileFoodCatalog(),
      exercises: createFileExerciseCatalog(),
      mealLog: createMealPlanLog({ db, clock, accounts, meals }),
    },
  });
  const reminderParts = createReminderServices(deps, { accounts, mail, days, goals }, overrides);

  return {
    health,
    mail,
    hasher,
    audit,
    accounts,
    signingKeys,
    sessions,
    twoFactor,
    login,
    loginCompletion,
    recovery,
    credentials,
    twoFactorAccount,
    coach,
    ...reminderParts,
    exercises,
    workouts,
    water,
    sleep,
    mood,
    body,
    steps,
    goals,
    nutrition,
    days,
    stats,
    dataTransfer,
    accountDeletion,
    foods,
    customFoods,
    meals,
    mealPhotos,
    savedMeals,
  };
}

function createReminderServices(
  deps: AppDependencies,
  shared: { accounts: AccountsService; mail: MailSender; days: DaysService; goals: GoalsService },
  overrides: ServiceOverrides,
): Pick<
  Services,
  | "notifications"
  | "push"
  | "unsubscribeTokens"
  | "reminderPlanner"
  | "reminderDelivery"
  | "reminders"
> {
  const { config, clock, logger } = deps;
  const db = deps.database.db;
  const lateWindowMinutes = config.reminders.lateWindowMinutes;

  const notifications = createNotificationsService({ db, clock });
  const push = createPushService({
    db,
    clock,
    logger,
    transport: deps.pushTransport ?? { agent: createPublicPushAgent(), allowPrivateHosts: false },
    vapidKeys: vapidKeySource({
      db,
      clock,
      logger,
      secretBox: new SecretBox(config.secretKey, config.previousSecretKeys, "vapid-key"),
      configured: config.push.vapidKeys,
    }),
    vapidSubject: config.push.vapidSubject,
  });
  const unsubscribeTokens = new UnsubscribeTokens(config.secretKey, config.previousSecretKeys);
  const reminderPlanner = createReminderPlanner({
    db,
    clock,
    logger,
    jobs: deps.jobs,
    accounts: shared.accounts,
    lateWindowMinutes,
  });
  const reminderDelivery = createReminderDelivery({
    db,
    clock,
    logger,
    accounts: shared.accounts,
    notifications,
    push,
    mailer: deps.mailer,
    mail: shared.mail,
    dataSource:
      overrides.reminderData ??
      createTrackingReminderData({
        db,
        accounts: shared.accounts,
        days: shared.days,
        goals: shared.goals,
      }),
    unsubscribeTokens,
    frontendUrl: config.frontendUrl,
    lateWindowMinutes,
  });
  const reminders = createRemindersService({
    db,
    clock,
    logger,
    accounts: shared.accounts,
    planner: reminderPlanner,
    unsubscribeTokens,
    lateWindowMinutes,
  });
  return { notifications, push, unsubscribeTokens, reminderPlanner, reminderDelivery, reminders };
}
