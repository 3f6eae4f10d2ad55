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
  foods: FoodsService;
  customFoods: CustomFoodsService;
  meals: MealsService;
  mealPhotos: MealPhotosService;
  savedMeals: SavedMealsService;
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
    foods,
    customFoods,
    meals,
    mealPhotos,
    savedMeals,
  };
}
