import type { CoachConfig } from "../../../platform/config";
import { createBuiltinProvider } from "./builtin-provider";
import type { CoachProvider } from "./provider";

/**
 * Builds the provider COACH_PROVIDER names. The model SDKs take tens of megabytes each, so the
 * chosen one is imported on the first call and the other is never loaded.
 */
export function createCoachProvider(config: CoachConfig): CoachProvider {
  if (config.provider === "builtin") return createBuiltinProvider();

  let loaded: Promise<CoachProvider> | undefined;
  const load = (): Promise<CoachProvider> => {
    loaded ??=
      config.provider === "openai"
        ? import("./openai-provider").then((module) => module.createOpenAIProvider(config))
        : import("./gemini-provider").then((module) => module.createGeminiProvider(config));
    return loaded;
  };

  return {
    name: config.provider,
    model: config.model,
    visionModel: config.visionModel,
    isExternal: true,
    async *chat(input, signal) {
      yield* (await load()).chat(input, signal);
    },
    async summarize(input, signal) {
      return (await load()).summarize(input, signal);
    },
    async recognizeMeal(photo, signal) {
      return (await load()).recognizeMeal(photo, signal);
    },
  };
}
