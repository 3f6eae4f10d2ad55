import { describe, expect, it } from "vitest";

import { testEnvironment } from "../../test/helpers/app";
import { loadConfig } from "./config";
import { callCostMicroUsd, parsePriceTable } from "./price-table";

function load(overrides: Record<string, string>) {
  return loadConfig(testEnvironment(overrides) as NodeJS.ProcessEnv);
}

function configOf(result: ReturnType<typeof loadConfig>) {
  if (!result.ok) throw new Error(`configuration rejected: ${result.errors.join("; ")}`);
  return result.config;
}

function errorsOf(result: ReturnType<typeof loadConfig>): string[] {
  if (result.ok) throw new Error("configuration accepted");
  return result.errors;
}

describe("coach configuration", () => {
  it("defaults to the builtin coach", () => {
    const result = load({});

    expect(configOf(result).coach).toMatchObject({
      provider: "builtin",
      model: "builtin",
      visionModel: null,
      timeoutMs: 30_000,
      userDailyBudgetMicroUsd: 500_000,
      globalDailyBudgetMicroUsd: 20_000_000,
    });
    expect(configOf(result).coach.rateLimits.map((rule) => rule.text)).toEqual([
      "10/minute",
      "50/hour",
    ]);
  });

  it("requires a model, a key and prices for openai", () => {
    const result = load({ COACH_PROVIDER: "openai" });

    expect(errorsOf(result)).toEqual([
      "COACH_MODEL: missing; it is required when COACH_PROVIDER is openai",
      "OPENAI_API_KEY: missing; set it, or set OPENAI_BASE_URL to a local server that needs no key",
    ]);
  });

  it("requires a price for the vision model", () => {
    const result = load({
      COACH_PROVIDER: "gemini",
      COACH_MODEL: "gemini-flash",
      COACH_VISION_MODEL: "gemini-pro",
      GOOGLE_API_KEY: "key",
      COACH_PRICES: "gemini-flash=0.1/0.4",
    });

    expect(errorsOf(result)).toEqual([
      'COACH_PRICES: no price for model "gemini-pro"; add "gemini-pro=<input>/<output>" in US dollars per million tokens (0/0 for a free local model)',
    ]);
  });

  it("accepts a local server without a key", () => {
    const result = load({
      COACH_PROVIDER: "openai",
      COACH_MODEL: "llama3.1",
      OPENAI_BASE_URL: "http://127.0.0.1:11434/v1",
      COACH_PRICES: "llama3.1=0/0",
    });

    expect(configOf(result).coach.visionModel).toBe("llama3.1");
  });

  it("rejects plain http to a remote model in production", () => {
    const result = loadConfig({
      ...testEnvironment({
        NODE_ENV: "production",
        COACH_PROVIDER: "openai",
        COACH_MODEL: "model",
        OPENAI_BASE_URL: "http://models.example.com/v1",
        COACH_PRICES: "model=1/1",
      }),
    } as NodeJS.ProcessEnv);

    expect(errorsOf(result)).toContain(
      "OPENAI_BASE_URL: must use https in production unless the model server runs on loopback, because prompts carry health data",
    );
  });

  it("rejects malformed limits and prices", () => {
    const result = load({ COACH_RATE_LIMITS: "10 per minute", COACH_PRICES: "model=cheap" });

    expect(errorsOf(result).map((error) => error.split(":")[0])).toEqual([
      "COACH_RATE_LIMITS",
      "COACH_PRICES",
    ]);
  });
});

describe("price table", () => {
  it("parses prices per million tokens", () => {
    const table = parsePriceTable("gpt-4o-mini=0.15/0.60, llama3.1=0/0");

    expect(table?.get("gpt-4o-mini")).toEqual({
      inputPerMillionUsd: 0.15,
      outputPerMillionUsd: 0.6,
    });
    expect(table?.get("llama3.1")).toEqual({ inputPerMillionUsd: 0, outputPerMillionUsd: 0 });
  });

  it("rejects a repeated model", () => {
    expect(parsePriceTable("a=1/1,a=2/2")).toBeNull();
  });

  it("rounds the cost up to a micro-dollar", () => {
    const cost = callCostMicroUsd(
      { inputPerMillionUsd: 0.15, outputPerMillionUsd: 0.6 },
      { inputTokens: 1001, outputTokens: 3 },
    );

    // 1001 × 0.15 + 3 × 0.6 = 151.95 micro-dollars.
    expect(cost).toBe(152);
  });
});
