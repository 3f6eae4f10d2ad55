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
import { createLoginService } from "./features/auth/login.service";
import type { LoginService } from "./features/auth/login.service";
import { PasswordHasher } from "./features/auth/password-hasher";
import { createSessionsService } from "./features/auth/sessions.service";
import type { SessionsService } from "./features/auth/sessions.service";
import { createHealthService } from "./features/health/health.service";
import type { HealthService } from "./features/health/health.service";
import { createSigningKeysService } from "./features/signing-keys/signing-keys.service";
import type { SigningKeysService } from "./features/signing-keys/signing-keys.service";
import { createTwoFactorAccountService } from "./features/two-factor/two-factor-account.service";
import type { TwoFactorAccountService } from "./features/two-factor/two-factor-account.service";
import { createTwoFactorService } from "./features/two-factor/two-factor.service";
import type { TwoFactorService } from "./features/two-factor/two-factor.service";
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
import { emptyNutritionSource } from "./features/nutrition-source/nutrition-source";
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
  recovery: AccountRecoveryService;
  credentials: CredentialsService;
  twoFactorAccount: TwoFactorAccountService;
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
}

export function createServices(deps: AppDependencies): Services {
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
  const login = createLoginService({ ...shared, logger, twoFactor });
  const recovery = createAccountRecoveryService(shared);
  const credentials = createCredentialsService({ ...shared, twoFactor });
  const twoFactorAccount = createTwoFactorAccountService({
    db,
    clock,
    accounts,
    credentials,
    twoFactor,
    audit,
    mail,
  });

  const exercises = createExercisesService({ db });
  const workouts = createWorkoutsService({ db, clock, exercises });
  const water = createWaterService({ db, clock });
  const sleep = createSleepService({ db, clock });
  const mood = createMoodService({ db, clock });
  const body = createBodyService({ db, clock });
  const steps = createStepsService({ db, clock });
  const goals = createGoalsService({ db, clock, accounts });
  // TODO: pass the meals feature's NutritionSource here once meals are merged.
  const nutrition = emptyNutritionSource;
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
    // TODO: add the coach conversation and reminder rule sections here when those features land.
    extraSections: [],
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
    recovery,
    credentials,
    twoFactorAccount,
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
  };
}
