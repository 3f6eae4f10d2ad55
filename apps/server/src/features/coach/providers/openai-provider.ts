import OpenAI from "openai";
import type { ChatCompletionMessageParam } from "openai/resources/chat/completions";

import type { CoachConfig } from "../../../platform/config";
import { createModelProvider, type ModelTransport } from "./model-provider";
import type { ModelRequest } from "./prompt";
import type { CoachProvider, TokenUsage } from "./provider";

/** Sent as the API key to local servers (Ollama, llama.cpp) that ignore it but need a value. */
const NO_API_KEY = "not-needed";

function toMessages(request: ModelRequest): ChatCompletionMessageParam[] {
  const messages: ChatCompletionMessageParam[] = [
    { role: "system", content: request.instructions },
  ];
  for (const message of request.messages) {
    if (message.role === "assistant") {
      messages.push({ role: "assistant", content: message.text });
    } else if (message.image) {
      messages.push({
        role: "user",
        content: [
          { type: "text", text: message.text },
          {
            type: "image_url",
            image_url: { url: `data:${message.image.mimeType};base64,${message.image.base64}` },
          },
        ],
      });
    } else {
      messages.push({ role: "user", content: message.text });
    }
  }
  return messages;
}

function toUsage(
  usage: { prompt_tokens: number; completion_tokens: number } | null | undefined,
): TokenUsage | null {
  return usage ? { inputTokens: usage.prompt_tokens, outputTokens: usage.completion_tokens } : null;
}

/**
 * Chat Completions through the official SDK. Any OpenAI-compatible server works through
 * OPENAI_BASE_URL. `max_tokens` is sent rather than `max_completion_tokens` because local servers
 * know the older name.
 * NOTE: OpenAI's reasoning models reject `max_tokens`; use a chat model with this provider.
 */
export function createOpenAITransport(config: CoachConfig): ModelTransport {
  const client = new OpenAI({
    apiKey: config.openai.apiKey ?? NO_API_KEY,
    baseURL: config.openai.baseUrl ?? null,
    timeout: config.timeoutMs,
    // The coach falls back to the builtin reply instead, and a retry would double the wait.
    maxRetries: 0,
  });

  return {
    async complete(request, signal) {
      const completion = await client.chat.completions.create(
        {
          model: request.model,
          messages: toMessages(request),
          max_tokens: request.maxOutputTokens,
        },
        { signal },
      );
      return {
        text: completion.choices[0]?.message.content ?? "",
        usage: toUsage(completion.usage),
      };
    },

    async *stream(request, signal) {
      const stream = await client.chat.completions.create(
        {
          model: request.model,
          messages: toMessages(request),
          max_tokens: request.maxOutputTokens,
          stream: true,
          stream_options: { include_usage: true },
        },
        { signal },
      );
      for await (const chunk of stream) {
        const text = chunk.choices[0]?.delta?.content;
        if (text) yield { text };
        const usage = toUsage(chunk.usage);
        if (usage) yield { usage };
      }
    },
  };
}

export function createOpenAIProvider(config: CoachConfig): CoachProvider {
  return createModelProvider({
    name: "openai",
    model: config.model,
    visionModel: config.visionModel ?? config.model,
    maxOutputTokens: config.maxOutputTokens,
    transport: createOpenAITransport(config),
  });
}
