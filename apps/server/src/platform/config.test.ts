import { describe, expect, it } from "vitest";

import { loadConfig } from "./config";

const STRONG_SECRET = "Qm9vdHN0cmFwLXNlY3JldC1mb3ItdGVzdHMtb25seS0xMjM0NTY3ODk";
const STRONG_PEPPER = "cGVwcGVyLWZvci10ZXN0cy1vbmx5LWFiY2RlZmdoaWprbG1ub3BxcnN0";

function production(overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  return {
    NODE_ENV: "production",
    SECRET_KEY: STRONG_SECRET,
    PASSWORD_PEPPER: STRONG_PEPPER,
    CORS_ORIGINS: "https://fitcoach.example.com",
    FRONTEND_URL: "https://fitcoach.example.com",
    ENABLE_EMAIL: "true",
    SMTP_HOST: "smtp.example.com",
    DATA_DIR: "/tmp/fitcoach-config-test",
    ...overrides,
  };
}

function errorsFor(environment: NodeJS.ProcessEnv): string[] {
  const result = loadConfig(environment);
  return result.ok ? [] : result.errors;
}

describe("loadConfig", () => {
  it("accepts a safe production setup", () => {
    const result = loadConfig(production());

    expect(result.ok).toBe(true);
  });

  it("defaults bcrypt cost to 12", () => {
    const result = loadConfig(production());

    expect(result.ok && result.config.bcryptCost).toBe(12);
  });

  it.each([
    ["missing secret", { SECRET_KEY: undefined }, "SECRET_KEY"],
    ["known default secret", { SECRET_KEY: "changeme" }, "SECRET_KEY"],
    ["short secret", { SECRET_KEY: "short-secret-value" }, "SECRET_KEY"],
    ["short pepper", { PASSWORD_PEPPER: "abc" }, "PASSWORD_PEPPER"],
    ["empty CORS", { CORS_ORIGINS: undefined }, "CORS_ORIGINS"],
    ["wildcard CORS", { CORS_ORIGINS: "*" }, "CORS_ORIGINS"],
    ["http frontend", { FRONTEND_URL: "http://fitcoach.example.com" }, "FRONTEND_URL"],
    ["missing frontend", { FRONTEND_URL: undefined }, "FRONTEND_URL"],
    ["email disabled", { ENABLE_EMAIL: "false" }, "ENABLE_EMAIL"],
    ["low bcrypt cost", { BCRYPT_COST: "10" }, "BCRYPT_COST"],
    ["trust every proxy", { TRUST_PROXY: "true" }, "TRUST_PROXY"],
    ["trust every address range", { TRUST_PROXY: "0.0.0.0/0,::/0" }, "TRUST_PROXY"],
    ["pepper equal to the secret", { PASSWORD_PEPPER: STRONG_SECRET }, "PASSWORD_PEPPER"],
    ["debug logging", { LOG_LEVEL: "debug" }, "LOG_LEVEL"],
  ])("refuses production with %s", (_name, overrides, variable) => {
    const errors = errorsFor(production(overrides));

    expect(errors.some((error) => error.startsWith(`${variable}:`))).toBe(true);
  });

  it("names each bad variable once", () => {
    const errors = errorsFor({
      PORT: "eighty",
      BCRYPT_COST: "99",
      RATE_LIMIT_LOGIN: "lots",
      DATABASE_URL: "mysql://x",
    });

    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^PORT: /),
        expect.stringMatching(/^BCRYPT_COST: /),
        expect.stringMatching(/^RATE_LIMIT_LOGIN: /),
        expect.stringMatching(/^DATABASE_URL: /),
      ]),
    );
  });

  it("parses rate limits and proxy settings", () => {
    const result = loadConfig(
      production({ RATE_LIMIT_LOGIN: "20/hour", TRUST_PROXY: "10.0.0.0/8, loopback" }),
    );

    expect(result.ok && result.config.rateLimits.login).toEqual({
      max: 20,
      windowSeconds: 3600,
      text: "20/hour",
    });
    expect(result.ok && result.config.trustProxy).toEqual(["10.0.0.0/8", "loopback"]);
  });

  it("rejects a malformed proxy list", () => {
    const errors = errorsFor(production({ TRUST_PROXY: "10.0.0.0/99" }));

    expect(errors.some((error) => error.startsWith("TRUST_PROXY:"))).toBe(true);
  });
});
