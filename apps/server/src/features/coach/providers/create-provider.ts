import type { CoachConfig } from "../../../platform/config";
import { createBuiltinProvider } from "./builtin-provider";
import { createGeminiProvider } from "./gemini-provider";
import { createOpenAIProvider } from "./openai-provider";
import type { CoachProvider } from "./provider";

/** Builds the provider COACH_PROVIDER names. */
export function createCoachProvider(config: CoachConfig): CoachProvider {
  switch (config.provider) {
    case "openai":
      return createOpenAIProvider(config);
    case "gemini":
      return createGeminiProvider(config);
    default:
      return createBuiltinProvider();
  }
}
