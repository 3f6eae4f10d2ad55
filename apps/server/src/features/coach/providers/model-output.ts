import { z } from "zod";

import { InvalidModelOutputError } from "./provider";

export { MODEL_TEXT_MAX_LENGTH, sanitizeModelMarkdown } from "./safe-markdown";

/** Parses the one JSON object a model was asked for, tolerating a Markdown code fence around it. */
export function parseJsonObject<T>(text: string, schema: z.ZodType<T>): T {
  const start = text.indexOf("{");
  const end = text.lastIndexOf("}");
  if (start < 0 || end <= start) {
    throw new InvalidModelOutputError("The model output contains no JSON object.");
  }
  let value: unknown;
  try {
    value = JSON.parse(text.slice(start, end + 1));
  } catch {
    throw new InvalidModelOutputError("The model output contains malformed JSON.");
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new InvalidModelOutputError("The model's JSON does not have the requested fields.");
  }
  return parsed.data;
}

const itemSchema = z.object({
  text: z.string().min(1).max(2000),
  facts: z.array(z.string().max(20)).max(20).default([]),
});

export const summaryOutputSchema = z.object({
  wentWell: z.array(itemSchema).max(10).default([]),
  toChange: z.array(itemSchema).max(10).default([]),
  suggestions: z.array(itemSchema).max(10),
});

export const photoOutputSchema = z.object({
  foods: z
    .array(
      z.object({
        name: z.string().min(1).max(200),
        grams: z.number().min(0).max(5000),
        confidence: z.number().min(0).max(1),
      }),
    )
    .max(12),
});

/** Estimates tokens at four characters each, for servers that report no usage. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
