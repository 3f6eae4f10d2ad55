import { builtinChatReply } from "../builtin-chat";
import { builtinSummary } from "../builtin-summary";
import { VisionUnavailableError, type CoachProvider } from "./provider";

const NO_TOKENS = { inputTokens: 0, outputTokens: 0 };

/** Creates the rule-based coach: formulas and statistics over the user's data, with no network. */
export function createBuiltinProvider(): CoachProvider {
  return {
    name: "builtin",
    model: "builtin",
    visionModel: null,
    isExternal: false,

    async *chat(input) {
      yield { type: "delta", text: builtinChatReply(input.message, input.context) };
      yield { type: "usage", usage: NO_TOKENS };
    },

    async summarize(input) {
      return { draft: builtinSummary(input.context, input.facts), usage: NO_TOKENS };
    },

    async recognizeMeal() {
      throw new VisionUnavailableError(
        "The builtin coach cannot recognise food on photos; it needs a vision model.",
      );
    },
  };
}
