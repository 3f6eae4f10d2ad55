import { GoogleGenAI } from "@google/genai";
import type { Content, GenerateContentResponse } from "@google/genai";

import type { CoachConfig } from "../../../platform/config";
import { createModelProvider, type ModelTransport } from "./model-provider";
import type { ModelRequest } from "./prompt";
import type { CoachProvider, TokenUsage } from "./provider";

function toContents(request: ModelRequest): Content[] {
  return request.messages.map((message) => ({
    role: message.role === "assistant" ? "model" : "user",
    parts: [
      { text: message.text },
      ...(message.image
        ? [{ inlineData: { mimeType: message.image.mimeType, data: message.image.base64 } }]
        : []),
    ],
  }));
}

function toUsage(response: GenerateContentResponse): TokenUsage | null {
  const metadata = response.usageMetadata;
  if (!metadata || metadata.promptTokenCount === undefined) return null;
  return {
    inputTokens: metadata.promptTokenCount,
    // Thinking models bill their thoughts as output too.
    outputTokens: (metadata.candidatesTokenCount ?? 0) + (metadata.thoughtsTokenCount ?? 0),
  };
}

/** Gemini's generateContent through the official @google/genai SDK. */
export function createGeminiTransport(config: CoachConfig): ModelTransport {
  const client = new GoogleGenAI({
    apiKey: config.gemini.apiKey,
    httpOptions: {
      ...(config.gemini.baseUrl ? { baseUrl: config.gemini.baseUrl } : {}),
      timeout: config.timeoutMs,
      // The coach falls back to the builtin reply instead, and a retry would double the wait.
      retryOptions: { attempts: 1 },
    },
  });

  function parameters(request: ModelRequest, signal: AbortSignal) {
    return {
      model: request.model,
      contents: toContents(request),
      config: {
        systemInstruction: request.instructions,
        maxOutputTokens: request.maxOutputTokens,
        abortSignal: signal,
        ...(request.expectJson ? { responseMimeType: "application/json" } : {}),
      },
    };
  }

  return {
    async complete(request, signal) {
      const response = await client.models.generateContent(parameters(request, signal));
      return { text: response.text ?? "", usage: toUsage(response) };
    },

    async *stream(request, signal) {
      const stream = await client.models.generateContentStream(parameters(request, signal));
      let usage: TokenUsage | null = null;
      for await (const chunk of stream) {
        const text = chunk.text;
        if (text) yield { text };
        // Each chunk repeats the running totals, so only the last one counts.
        usage = toUsage(chunk) ?? usage;
      }
      if (usage) yield { usage };
    },
  };
}

export function createGeminiProvider(config: CoachConfig): CoachProvider {
  return createModelProvider({
    name: "gemini",
    model: config.model,
    visionModel: config.visionModel ?? config.model,
    maxOutputTokens: config.maxOutputTokens,
    transport: createGeminiTransport(config),
  });
}
