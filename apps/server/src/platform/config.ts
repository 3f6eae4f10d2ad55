import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { z } from "zod";

import { parsePriceTable, type PriceTable } from "./price-table";
import { parseRateLimit, type RateLimitRule } from "./rate-limit-rule";
import { parseTrustProxy, type TrustProxySetting } from "./trust-proxy";

/** Secrets that ship in examples and tutorials; none may run a production server. */
const KNOWN_DEFAULT_SECRETS = new Set([
  "changeme",
  "change-me",
  "secret",
  "secret-key",
  "your-secret-key",
  "your-secret-key-here",
  "development-secret",
  "dev-secret",
  "supersecret",
  "fitcoach",
  "please-change-this-secret-key-in-production",
  "replace-with-a-long-random-secret-at-least-32-characters",
]);

const MIN_SECRET_LENGTH = 32;

const booleanText = z
  .enum(["true", "false", "1", "0", "yes", "no"], { error: "must be true or false" })
  .transform((value) => value === "true" || value === "1" || value === "yes");

function integerText(min: number, max: number): z.ZodType<number, string> {
  return z
    .string()
    .regex(/^\d+$/, { error: `must be a whole number from ${min} to ${max}` })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, { error: `must be at least ${min}` })
        .max(max, { error: `must be at most ${max}` }),
    );
}

function rateLimitText(): z.ZodType<RateLimitRule, string> {
  return z.string().transform((value, context) => {
    const rule = parseRateLimit(value);
    if (!rule) {
      context.addIssue({
        code: "custom",
        message: 'must look like "10/minute" (second, minute, hour or day)',
      });
      return z.NEVER;
    }
    return rule;
  });
}

function rateLimitListText(): z.ZodType<RateLimitRule[], string> {
  return z.string().transform((value, context) => {
    const rules = value
      .split(",")
      .map((item) => item.trim())
      .filter(Boolean)
      .map(parseRateLimit);
    if (rules.length === 0 || rules.some((rule) => rule === null)) {
      context.addIssue({
        code: "custom",
        message: 'must be a comma-separated list of limits such as "10/minute,50/hour"',
      });
      return z.NEVER;
    }
    return rules as RateLimitRule[];
  });
}

function dollarText(max: number): z.ZodType<number, string> {
  return z
    .string()
    .regex(/^\d{1,9}(\.\d{1,6})?$/, { error: `must be an amount in US dollars from 0 to ${max}` })
    .transform(Number)
    .pipe(z.number().max(max, { error: `must be at most ${max}` }));
}

const priceTableText = z.string().transform((value, context) => {
  const table = parsePriceTable(value);
  if (!table) {
    context.addIssue({
      code: "custom",
      message:
        'must list "model=input/output" prices in US dollars per million tokens, such as "gpt-4o-mini=0.15/0.60", each model once',
    });
    return z.NEVER;
  }
  return table;
});

const originList = z.string().transform((value, context) => {
  const origins = value
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
  for (const origin of origins) {
    if (origin === "*") continue;
    if (!isOrigin(origin)) {
      context.addIssue({
        code: "custom",
        message: `"${origin}" is not an origin such as https://app.example.com (scheme, host, optional port, no path)`,
      });
    }
  }
  return origins;
});

const urlText = z.string().refine(isHttpUrl, { error: "must be an http or https URL" });

/** Environment variables FitCoach reads, with defaults for a development machine. */
const environmentSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: integerText(0, 65535).default(8000),
  HOST: z.string().min(1).default("localhost"),
  DATABASE_URL: z
    .string()
    .refine((value) => /^postgres(ql)?:\/\//.test(value), {
      error: "must start with postgres:// or postgresql://",
    })
    .optional(),
  DATABASE_POOL_SIZE: integerText(1, 200).default(10),
  DATA_DIR: z.string().min(1).default("./data"),
  REDIS_URL: z
    .string()
    .refine((value) => /^rediss?:\/\//.test(value), {
      error: "must start with redis:// or rediss://",
    })
    .optional(),
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_-]{1,64}$/, {
      error: "must be 1 to 64 letters, digits, colons, dashes or underscores",
    })
    .default("fitcoach:"),
  SECRET_KEY: z.string().optional(),
  SECRET_KEY_PREVIOUS: z.string().default(""),
  PASSWORD_PEPPER: z.string().optional(),
  PASSWORD_PEPPER_ID: z
    .string()
    .regex(/^[a-z0-9]{1,16}$/, { error: "must be 1 to 16 lowercase letters or digits" })
    .default("1"),
  PASSWORD_PEPPER_PREVIOUS: z.string().default(""),
  CORS_ORIGINS: originList.optional(),
  FRONTEND_URL: urlText.optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  TRUST_PROXY: z.string().default("false"),
  BODY_LIMIT: integerText(1024, 100 * 1024 * 1024).default(1024 * 1024),
  BCRYPT_COST: integerText(4, 16).default(12),
  ENABLE_EMAIL: booleanText.default(false),
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: integerText(1, 65535).default(587),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_FROM: z.string().default("FitCoach <no-reply@localhost>"),
  SMTP_SECURITY: z.enum(["auto", "starttls", "tls", "none"]).default("auto"),
  RATE_LIMIT_LOGIN: rateLimitText().default(parseRateLimit("10/minute")!),
  RATE_LIMIT_REGISTER: rateLimitText().default(parseRateLimit("10/minute")!),
  RATE_LIMIT_PASSWORD_RESET: rateLimitText().default(parseRateLimit("5/minute")!),
  RATE_LIMIT_TWO_FACTOR: rateLimitText().default(parseRateLimit("10/minute")!),
  RATE_LIMIT_API: rateLimitText().default(parseRateLimit("600/minute")!),
  RATE_LIMIT_ACCOUNT_MAIL: rateLimitText().default(parseRateLimit("3/hour")!),
  RATE_LIMIT_EXPORT: rateLimitText().default(parseRateLimit("10/hour")!),
  ACCESS_TOKEN_TTL_SECONDS: integerText(60, 3600).default(900),
  REFRESH_TOKEN_TTL_DAYS: integerText(1, 90).default(7),
  SESSION_IDLE_TIMEOUT_DAYS: integerText(1, 90).default(7),
  SESSION_ABSOLUTE_LIFETIME_DAYS: integerText(1, 365).default(30),
  REFRESH_REUSE_GRACE_SECONDS: integerText(0, 60).default(10),
  REAUTHENTICATION_WINDOW_MINUTES: integerText(1, 60).default(15),
  LOCKOUT_THRESHOLD: integerText(1, 100).default(5),
  LOCKOUT_WINDOW_MINUTES: integerText(1, 1440).default(15),
  LOCKOUT_BASE_MINUTES: integerText(1, 60).default(1),
  LOCKOUT_MAX_MINUTES: integerText(1, 1440).default(15),
  LOGIN_FAILURES_PER_HOUR_MAX: integerText(1, 100000).default(100),
  SIGNING_KEY_ROTATION_DAYS: integerText(1, 365).default(30),
  ACCOUNT_DELETION_GRACE_DAYS: integerText(0, 90).default(7),
  UPLOAD_MAX_BYTES: integerText(1024, 100 * 1024 * 1024).default(10 * 1024 * 1024),
  UPLOAD_MAX_PIXELS: integerText(1, 400_000_000).default(40_000_000),
  IMPORT_MAX_BYTES: integerText(1024, 1024 * 1024 * 1024).default(50 * 1024 * 1024),
  COACH_PROVIDER: z.enum(["builtin", "openai", "gemini"]).default("builtin"),
  COACH_MODEL: z.string().max(200).optional(),
  COACH_VISION_MODEL: z.string().max(200).optional(),
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: urlText.optional(),
  GOOGLE_API_KEY: z.string().optional(),
  GEMINI_BASE_URL: urlText.optional(),
  COACH_TIMEOUT_SECONDS: integerText(1, 300).default(30),
  COACH_MAX_OUTPUT_TOKENS: integerText(64, 32_768).default(1024),
  COACH_RATE_LIMITS: rateLimitListText().default([
    parseRateLimit("10/minute")!,
    parseRateLimit("50/hour")!,
  ]),
  COACH_PRICES: priceTableText.default(new Map()),
  COACH_USER_DAILY_BUDGET_USD: dollarText(1_000_000).default(0.5),
  COACH_GLOBAL_DAILY_BUDGET_USD: dollarText(1_000_000).default(20),
  REMINDER_LATE_WINDOW_MINUTES: integerText(1, 1440).default(60),
  REMINDER_PLANNING_INTERVAL_MINUTES: integerText(1, 60).default(15),
  VAPID_PUBLIC_KEY: z
    .string()
    .refine((value) => isBase64UrlOfLength(value, 65), {
      error: "must be an uncompressed P-256 public key in base64url (65 bytes)",
    })
    .optional(),
  VAPID_PRIVATE_KEY: z
    .string()
    .refine((value) => isBase64UrlOfLength(value, 32), {
      error: "must be a P-256 private key in base64url (32 bytes)",
    })
    .optional(),
  VAPID_SUBJECT: z
    .string()
    .refine((value) => /^(mailto:[^@\s]+@[^@\s]+|https:\/\/\S+)$/.test(value), {
      error: "must be a mailto: address or an https URL where push services can reach you",
    })
    .optional(),
});

export type RawEnvironment = z.input<typeof environmentSchema>;

/** Validated settings the server runs with. */
export interface Config {
  env: "development" | "production" | "test";
  isProduction: boolean;
  port: number;
  host: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  dataDir: string;
  redisUrl: string | undefined;
  redisKeyPrefix: string;
  secretKey: string;
  /** Earlier SECRET_KEY values, still accepted for decrypting what they encrypted. */
  previousSecretKeys: string[];
  passwordPepper: { id: string; key: string };
  previousPasswordPeppers: { id: string; key: string }[];
  corsOrigins: string[];
  frontendUrl: string;
  logLevel: string;
  trustProxy: TrustProxySetting;
  bodyLimitBytes: number;
  bcryptCost: number;
  email: {
    enabled: boolean;
    host: string | undefined;
    port: number;
    user: string | undefined;
    password: string | undefined;
    from: string;
    security: "auto" | "starttls" | "tls" | "none";
  };
  rateLimits: {
    login: RateLimitRule;
    register: RateLimitRule;
    passwordReset: RateLimitRule;
    twoFactor: RateLimitRule;
    api: RateLimitRule;
    accountMail: RateLimitRule;
    /** Data exports per account. */
    export: RateLimitRule;
  };
  auth: {
    accessTokenTtlSeconds: number;
    refreshTokenTtlDays: number;
    sessionIdleTimeoutDays: number;
    sessionAbsoluteLifetimeDays: number;
    refreshReuseGraceSeconds: number;
    reauthenticationWindowMinutes: number;
    lockoutThreshold: number;
    lockoutWindowMinutes: number;
    lockoutBaseMinutes: number;
    lockoutMaxMinutes: number;
    loginFailuresPerHourMax: number;
    signingKeyRotationDays: number;
    accountDeletionGraceDays: number;
    issuer: string;
    audience: string;
  };
  uploads: { maxBytes: number; maxPixels: number; importMaxBytes: number };
  coach: CoachConfig;
  reminders: {
    /** A reminder later than this after its time is dropped instead of sent. */
    lateWindowMinutes: number;
    planningIntervalMinutes: number;
  };
  push: {
    /** VAPID key pair from the environment; without it the server generates and stores one. */
    vapidKeys: { publicKey: string; privateKey: string } | null;
    vapidSubject: string;
  };
}

/** Settings of the AI coach: its provider and model, timeouts, limits and budgets. */
export interface CoachConfig {
  provider: "builtin" | "openai" | "gemini";
  /** Model for text; "builtin" for the rule-based coach. */
  model: string;
  /** Model for meal photos; null when the provider cannot see images (the builtin coach). */
  visionModel: string | null;
  openai: { apiKey: string | undefined; baseUrl: string | undefined };
  gemini: { apiKey: string | undefined; baseUrl: string | undefined };
  timeoutMs: number;
  maxOutputTokens: number;
  /** Per-user request limits shared by every coach route that may call a model. */
  rateLimits: RateLimitRule[];
  prices: PriceTable;
  userDailyBudgetMicroUsd: number;
  globalDailyBudgetMicroUsd: number;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] };

/**
 * Validates the environment and returns the settings, or one message per bad variable. In
 * development a missing SECRET_KEY or PASSWORD_PEPPER is generated once and kept in DATA_DIR, so
 * restarts keep sessions and passwords working; production never generates secrets.
 */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): ConfigResult {
  const input = Object.fromEntries(
    Object.entries(environment).filter(([, value]) => value !== undefined && value !== ""),
  );
  const parsed = environmentSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`),
    };
  }
  const values = parsed.data;
  const isProduction = values.NODE_ENV === "production";
  const errors: string[] = [];

  const trustProxy = parseTrustProxy(values.TRUST_PROXY);
  if (!trustProxy.ok) errors.push(`TRUST_PROXY: ${trustProxy.message}`);
  const previousPeppers = parsePreviousPeppers(values.PASSWORD_PEPPER_PREVIOUS, errors);

  const frontendUrl = (values.FRONTEND_URL ?? `http://localhost:${values.PORT}`).replace(
    /\/+$/,
    "",
  );
  const corsOrigins =
    values.CORS_ORIGINS ?? (isProduction ? [] : defaultDevelopmentOrigins(values.PORT));

  if (isProduction) {
    errors.push(
      ...productionProblems(
        values,
        corsOrigins,
        trustProxy.ok ? trustProxy.value : false,
        previousPeppers,
      ),
    );
  }
  if (values.ENABLE_EMAIL && !values.SMTP_HOST) {
    errors.push("SMTP_HOST: missing; it is required when ENABLE_EMAIL is true");
  }
  if (Boolean(values.VAPID_PUBLIC_KEY) !== Boolean(values.VAPID_PRIVATE_KEY)) {
    errors.push(
      "VAPID_PUBLIC_KEY: set both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY, or neither to let the server generate a pair",
    );
  }
  if (values.LOCKOUT_BASE_MINUTES > values.LOCKOUT_MAX_MINUTES) {
    errors.push("LOCKOUT_BASE_MINUTES: must not be greater than LOCKOUT_MAX_MINUTES");
  }
  errors.push(...coachProblems(values));
  if (errors.length > 0 || !trustProxy.ok) return { ok: false, errors };

  const dataDir = path.resolve(values.DATA_DIR);
  const secretKey = values.SECRET_KEY ?? developmentSecret(dataDir, "secret-key");
  const pepperKey = values.PASSWORD_PEPPER ?? developmentSecret(dataDir, "password-pepper");

  return {
    ok: true,
    config: {
      env: values.NODE_ENV,
      isProduction,
      port: values.PORT,
      host: values.HOST,
      databaseUrl: values.DATABASE_URL,
      databasePoolSize: values.DATABASE_POOL_SIZE,
      dataDir,
      redisUrl: values.REDIS_URL,
      redisKeyPrefix: values.REDIS_KEY_PREFIX,
      secretKey,
      previousSecretKeys: values.SECRET_KEY_PREVIOUS.split(",")
        .map((item) => item.trim())
        .filter(Boolean),
      passwordPepper: { id: values.PASSWORD_PEPPER_ID, key: pepperKey },
      previousPasswordPeppers: previousPeppers,
      corsOrigins,
      frontendUrl,
      logLevel: values.LOG_LEVEL,
      trustProxy: trustProxy.value,
      bodyLimitBytes: values.BODY_LIMIT,
      bcryptCost: values.BCRYPT_COST,
      email: {
        enabled: values.ENABLE_EMAIL,
        host: values.SMTP_HOST,
        port: values.SMTP_PORT,
        user: values.SMTP_USER,
        password: values.SMTP_PASSWORD,
        from: values.SMTP_FROM,
        security: values.SMTP_SECURITY,
      },
      rateLimits: {
        login: values.RATE_LIMIT_LOGIN,
        register: values.RATE_LIMIT_REGISTER,
        passwordReset: values.RATE_LIMIT_PASSWORD_RESET,
        twoFactor: values.RATE_LIMIT_TWO_FACTOR,
        api: values.RATE_LIMIT_API,
        accountMail: values.RATE_LIMIT_ACCOUNT_MAIL,
        export: values.RATE_LIMIT_EXPORT,
      },
      auth: {
        accessTokenTtlSeconds: values.ACCESS_TOKEN_TTL_SECONDS,
        refreshTokenTtlDays: values.REFRESH_TOKEN_TTL_DAYS,
        sessionIdleTimeoutDays: values.SESSION_IDLE_TIMEOUT_DAYS,
        sessionAbsoluteLifetimeDays: values.SESSION_ABSOLUTE_LIFETIME_DAYS,
        refreshReuseGraceSeconds: values.REFRESH_REUSE_GRACE_SECONDS,
        reauthenticationWindowMinutes: values.REAUTHENTICATION_WINDOW_MINUTES,
        lockoutThreshold: values.LOCKOUT_THRESHOLD,
        lockoutWindowMinutes: values.LOCKOUT_WINDOW_MINUTES,
        lockoutBaseMinutes: values.LOCKOUT_BASE_MINUTES,
        lockoutMaxMinutes: values.LOCKOUT_MAX_MINUTES,
        loginFailuresPerHourMax: values.LOGIN_FAILURES_PER_HOUR_MAX,
        signingKeyRotationDays: values.SIGNING_KEY_ROTATION_DAYS,
        accountDeletionGraceDays: values.ACCOUNT_DELETION_GRACE_DAYS,
        issuer: new URL(frontendUrl).origin,
        audience: "fitcoach-api",
      },
      uploads: {
        maxBytes: values.UPLOAD_MAX_BYTES,
        maxPixels: values.UPLOAD_MAX_PIXELS,
        importMaxBytes: values.IMPORT_MAX_BYTES,
      },
      coach: coachConfig(values),
      reminders: {
        lateWindowMinutes: values.REMINDER_LATE_WINDOW_MINUTES,
        planningIntervalMinutes: values.REMINDER_PLANNING_INTERVAL_MINUTES,
      },
      push: {
        vapidKeys:
          values.VAPID_PUBLIC_KEY && values.VAPID_PRIVATE_KEY
            ? { publicKey: values.VAPID_PUBLIC_KEY, privateKey: values.VAPID_PRIVATE_KEY }
            : null,
        vapidSubject: values.VAPID_SUBJECT ?? defaultVapidSubject(frontendUrl, values.SMTP_FROM),
      },
    },
  };
}

type ParsedEnvironment = z.output<typeof environmentSchema>;

function productionProblems(
  values: ParsedEnvironment,
  corsOrigins: string[],
  trustProxy: TrustProxySetting,
  previousPeppers: { id: string; key: string }[],
): string[] {
  const problems: string[] = [];

  problems.push(...secretProblems("SECRET_KEY", values.SECRET_KEY));
  problems.push(...secretProblems("PASSWORD_PEPPER", values.PASSWORD_PEPPER));
  for (const pepper of previousPeppers) {
    problems.push(...secretProblems(`PASSWORD_PEPPER_PREVIOUS (id ${pepper.id})`, pepper.key));
  }

  if (corsOrigins.length === 0) {
    problems.push(
      "CORS_ORIGINS: missing; list the exact origins of your web app, such as https://fitcoach.example.com",
    );
  }
  if (corsOrigins.includes("*")) {
    problems.push(
      "CORS_ORIGINS: must not contain *; credentials are allowed, so list exact origins",
    );
  }
  for (const origin of corsOrigins) {
    if (origin.startsWith("http://") && !isLoopbackUrl(origin)) {
      problems.push(`CORS_ORIGINS: "${origin}" must use https in production`);
    }
  }
  if (!values.FRONTEND_URL) {
    problems.push("FRONTEND_URL: missing; set the https URL users open, used in mailed links");
  } else if (!values.FRONTEND_URL.startsWith("https://")) {
    problems.push("FRONTEND_URL: must start with https:// in production");
  }
  if (!values.ENABLE_EMAIL) {
    problems.push(
      "ENABLE_EMAIL: must be true in production, so reset and verification links are mailed",
    );
  }
  if (values.BCRYPT_COST < 12) {
    problems.push(`BCRYPT_COST: must be at least 12 in production (got ${values.BCRYPT_COST})`);
  }
  if (trustProxy === true) {
    problems.push("TRUST_PROXY: true trusts every hop; give a hop count or the proxy addresses");
  }
  if (Array.isArray(trustProxy) && trustProxy.some((entry) => /\/0$/.test(entry))) {
    problems.push(
      "TRUST_PROXY: a /0 range trusts every address; list the proxies' addresses or subnets",
    );
  }
  if (values.SECRET_KEY && values.SECRET_KEY === values.PASSWORD_PEPPER) {
    problems.push(
      "PASSWORD_PEPPER: must differ from SECRET_KEY, so one leaked secret does not expose the other",
    );
  }
  if (values.SMTP_SECURITY === "none" && values.SMTP_HOST && !isLoopbackHost(values.SMTP_HOST)) {
    problems.push(
      "SMTP_SECURITY: none is allowed only for an SMTP relay on loopback in production",
    );
  }
  for (const name of ["OPENAI_BASE_URL", "GEMINI_BASE_URL"] as const) {
    const url = values[name];
    if (url && url.startsWith("http://") && !isLoopbackUrl(url)) {
      problems.push(
        `${name}: must use https in production unless the model server runs on loopback, because prompts carry health data`,
      );
    }
  }
  if (values.LOG_LEVEL === "debug" || values.LOG_LEVEL === "trace") {
    problems.push(
      `LOG_LEVEL: ${values.LOG_LEVEL} is not allowed in production; use info or higher`,
    );
  }
  return problems;
}

function coachConfig(values: ParsedEnvironment): CoachConfig {
  const isBuiltin = values.COACH_PROVIDER === "builtin";
  const model = isBuiltin ? "builtin" : values.COACH_MODEL!;
  return {
    provider: values.COACH_PROVIDER,
    model,
    visionModel: isBuiltin ? null : (values.COACH_VISION_MODEL ?? model),
    openai: { apiKey: values.OPENAI_API_KEY, baseUrl: values.OPENAI_BASE_URL },
    gemini: { apiKey: values.GOOGLE_API_KEY, baseUrl: values.GEMINI_BASE_URL },
    timeoutMs: values.COACH_TIMEOUT_SECONDS * 1000,
    maxOutputTokens: values.COACH_MAX_OUTPUT_TOKENS,
    rateLimits: values.COACH_RATE_LIMITS,
    prices: values.COACH_PRICES,
    userDailyBudgetMicroUsd: Math.round(values.COACH_USER_DAILY_BUDGET_USD * 1_000_000),
    globalDailyBudgetMicroUsd: Math.round(values.COACH_GLOBAL_DAILY_BUDGET_USD * 1_000_000),
  };
}

// Checks that hold in every mode: a model provider needs a model, credentials and a price for each
// model it calls, because the cost budgets cannot be enforced for a model without a price.
function coachProblems(values: ParsedEnvironment): string[] {
  const provider = values.COACH_PROVIDER;
  if (provider === "builtin") return [];

  const problems: string[] = [];
  if (!values.COACH_MODEL) {
    problems.push(`COACH_MODEL: missing; it is required when COACH_PROVIDER is ${provider}`);
  }
  if (provider === "openai" && !values.OPENAI_API_KEY && !values.OPENAI_BASE_URL) {
    problems.push(
      "OPENAI_API_KEY: missing; set it, or set OPENAI_BASE_URL to a local server that needs no key",
    );
  }
  if (provider === "gemini" && !values.GOOGLE_API_KEY) {
    problems.push("GOOGLE_API_KEY: missing; it is required when COACH_PROVIDER is gemini");
  }
  const models = [values.COACH_MODEL, values.COACH_VISION_MODEL].filter((model): model is string =>
    Boolean(model),
  );
  for (const model of new Set(models)) {
    if (!values.COACH_PRICES.has(model)) {
      problems.push(
        `COACH_PRICES: no price for model "${model}"; add "${model}=<input>/<output>" in US dollars per million tokens (0/0 for a free local model)`,
      );
    }
  }
  return problems;
}

function secretProblems(name: string, value: string | undefined): string[] {
  if (!value) return [`${name}: missing; generate one with: openssl rand -base64 48`];
  if (KNOWN_DEFAULT_SECRETS.has(value.toLowerCase())) {
    return [`${name}: is a known default value; generate one with: openssl rand -base64 48`];
  }
  if (Buffer.byteLength(value, "utf8") < MIN_SECRET_LENGTH) {
    return [`${name}: must be at least ${MIN_SECRET_LENGTH} characters (got ${value.length})`];
  }
  if (new Set(value).size < 8) {
    return [`${name}: has too few distinct characters to be random`];
  }
  return [];
}

function parsePreviousPeppers(text: string, errors: string[]): { id: string; key: string }[] {
  const peppers: { id: string; key: string }[] = [];
  for (const entry of text
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean)) {
    const separator = entry.indexOf(":");
    const id = entry.slice(0, separator);
    const key = entry.slice(separator + 1);
    if (separator <= 0 || !/^[a-z0-9]{1,16}$/.test(id) || key.length === 0) {
      errors.push('PASSWORD_PEPPER_PREVIOUS: must be a comma-separated list of "id:key" entries');
      return [];
    }
    peppers.push({ id, key });
  }
  return peppers;
}

function developmentSecret(dataDir: string, name: string): string {
  const file = path.join(dataDir, `.${name}`);
  if (existsSync(file)) return readFileSync(file, "utf8").trim();

  mkdirSync(dataDir, { recursive: true });
  const value = randomBytes(48).toString("base64url");
  writeFileSync(file, value, { mode: 0o600 });
  return value;
}

/**
 * Contact that push services see in VAPID tokens: the https FRONTEND_URL, else the SMTP_FROM
 * address. Push services reject subjects that are neither https nor mailto.
 */
function defaultVapidSubject(frontendUrl: string, smtpFrom: string): string {
  if (frontendUrl.startsWith("https://")) return frontendUrl;
  const address = /<([^<>\s]+@[^<>\s]+)>/.exec(smtpFrom)?.[1] ?? smtpFrom.trim();
  return /^[^@\s]+@[^@\s]+$/.test(address) ? `mailto:${address}` : "mailto:no-reply@localhost";
}

function isBase64UrlOfLength(value: string, bytes: number): boolean {
  return /^[A-Za-z0-9_-]+$/.test(value) && Buffer.from(value, "base64url").length === bytes;
}

function defaultDevelopmentOrigins(port: number): string[] {
  return [`http://localhost:${port}`, `http://127.0.0.1:${port}`, "http://localhost:5173"];
}

// Desktop shells load the web app from a private scheme such as fitcoach://app; such an origin
// is a scheme and a host, with nothing after it.
const APP_SCHEME_ORIGIN = /^[a-z][a-z0-9+.-]*:\/\/[a-z0-9.-]+$/;

function isOrigin(value: string): boolean {
  if (!value.startsWith("http") && APP_SCHEME_ORIGIN.test(value)) return true;
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.origin === value;
  } catch {
    return false;
  }
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

function isLoopbackUrl(value: string): boolean {
  return isLoopbackHost(new URL(value).hostname);
}

function isLoopbackHost(host: string): boolean {
  return host === "localhost" || host === "::1" || host === "[::1]" || host.startsWith("127.");
}
