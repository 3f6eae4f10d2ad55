import type { CoachProviderName } from "@fitcoach/contract";

import type { SummaryDraft } from "../builtin-summary";
import type { CoachContext, ModelData } from "../coach-context";
import type { DayFact } from "../summary-facts";

/** Tokens a call used, as the provider reported them (or estimated when it did not). */
export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}

export type ChatEvent = { type: "delta"; text: string } | { type: "usage"; usage: TokenUsage };

export interface ChatTurn {
  role: "user" | "assistant";
  content: string;
}

/**
 * Input of a chat request to a provider. The builtin coach reads `context`, which never leaves
 * the server; model providers read only `modelData`, already reduced to the consented areas.
 */
export interface ChatInput {
  context: CoachContext;
  modelData: ModelData;
  history: ChatTurn[];
  message: string;
}

export interface SummaryInput {
  date: string;
  context: CoachContext;
  /** The day's facts; for model providers only those of consented areas. */
  facts: DayFact[];
  modelData: ModelData;
}

/** A food a vision model saw on a photo; untrusted text that is only matched to the catalog. */
export interface RecognizedFood {
  label: string;
  grams: number;
  confidence: number;
}

export interface MealPhoto {
  data: Buffer;
  mimeType: "image/jpeg";
}

/** Thrown by providers that cannot see images. */
export class VisionUnavailableError extends Error {
  override readonly name = "VisionUnavailableError";
}

/** Thrown when a model's output does not have the shape the task asked for. */
export class InvalidModelOutputError extends Error {
  override readonly name = "InvalidModelOutputError";
}

/**
 * A coach that writes summaries and chat replies and reads meal photos. The builtin coach works
 * offline; the model providers send prompts to an OpenAI-compatible server or to Gemini. Every
 * method takes a signal, and the caller aborts it at the configured timeout.
 */
export interface CoachProvider {
  readonly name: CoachProviderName;
  readonly model: string;
  readonly visionModel: string | null;
  /** Whether calls send data off the server; only such calls need consent and are billed. */
  readonly isExternal: boolean;
  chat(input: ChatInput, signal: AbortSignal): AsyncIterable<ChatEvent>;
  summarize(
    input: SummaryInput,
    signal: AbortSignal,
  ): Promise<{ draft: SummaryDraft; usage: TokenUsage }>;
  recognizeMeal(
    photo: MealPhoto,
    signal: AbortSignal,
  ): Promise<{ foods: RecognizedFood[]; usage: TokenUsage }>;
}
