import type { CoachProviderName, Insight } from "@fitcoach/contract";

import type { DayFact } from "../summary-facts";
import { toBasis } from "../summary-facts";
import {
  estimateTokens,
  parseJsonObject,
  photoOutputSchema,
  sanitizeModelMarkdown,
  summaryOutputSchema,
} from "./model-output";
import { chatRequest, photoRequest, summaryRequest, type ModelRequest } from "./prompt";
import type { CoachProvider, TokenUsage } from "./provider";

/** Sends a request to one model API; the two implementations wrap the official SDKs. */
export interface ModelTransport {
  complete(
    request: ModelRequest,
    signal: AbortSignal,
  ): Promise<{ text: string; usage: TokenUsage | null }>;
  stream(
    request: ModelRequest,
    signal: AbortSignal,
  ): AsyncIterable<{ text: string } | { usage: TokenUsage }>;
}

export interface ModelProviderOptions {
  name: Exclude<CoachProviderName, "builtin">;
  model: string;
  visionModel: string;
  maxOutputTokens: number;
  transport: ModelTransport;
}

function estimatedUsage(request: ModelRequest, output: string): TokenUsage {
  const input = [request.instructions, ...request.messages.map((message) => message.text)].join("");
  return { inputTokens: estimateTokens(input), outputTokens: estimateTokens(output) };
}

function toInsights(
  items: readonly { text: string; facts: string[] }[],
  facts: readonly DayFact[],
): Insight[] {
  return items.map((item) => ({
    text: sanitizeModelMarkdown(item.text),
    basis: facts.filter((fact) => item.facts.includes(fact.id)).map(toBasis),
  }));
}

/** Creates a coach backed by a language model: prompts from prompt.ts, output checked for shape. */
export function createModelProvider(options: ModelProviderOptions): CoachProvider {
  const { transport, model, visionModel, maxOutputTokens } = options;

  return {
    name: options.name,
    model,
    visionModel,
    isExternal: true,

    async *chat(input, signal) {
      const request = chatRequest(model, maxOutputTokens, input);
      let output = "";
      let usage: TokenUsage | null = null;
      for await (const part of transport.stream(request, signal)) {
        if ("usage" in part) {
          usage = part.usage;
        } else if (part.text) {
          output += part.text;
          yield { type: "delta", text: part.text };
        }
      }
      yield { type: "usage", usage: usage ?? estimatedUsage(request, output) };
    },

    async summarize(input, signal) {
      const request = summaryRequest(model, maxOutputTokens, input);
      const result = await transport.complete(request, signal);
      const parsed = parseJsonObject(result.text, summaryOutputSchema);
      return {
        draft: {
          wentWell: toInsights(parsed.wentWell, input.facts),
          toChange: toInsights(parsed.toChange, input.facts),
          suggestions: toInsights(parsed.suggestions, input.facts),
        },
        usage: result.usage ?? estimatedUsage(request, result.text),
      };
    },

    async recognizeMeal(photo, signal) {
      const request = photoRequest(visionModel, maxOutputTokens, photo);
      const result = await transport.complete(request, signal);
      const parsed = parseJsonObject(result.text, photoOutputSchema);
      return {
        foods: parsed.foods.map((food) => ({
          label: sanitizeModelMarkdown(food.name).slice(0, 200),
          grams: Math.round(food.grams),
          confidence: Math.round(food.confidence * 100) / 100,
        })),
        usage: result.usage ?? estimatedUsage(request, result.text),
      };
    },
  };
}
