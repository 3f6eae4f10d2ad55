import { opaqueTokenSchema } from "@fitcoach/contract";
import { z } from "zod";

import { SERVER_URL_MAX_LENGTH } from "../server/server-url";

export const NOTIFICATION_TITLE_MAX_LENGTH = 100;
export const NOTIFICATION_BODY_MAX_LENGTH = 500;

const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
const CONTROL_CHARACTERS_EXCEPT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f]/;

export const tokenNameSchema = z.enum(["refreshToken", "deviceToken"], {
  error: "must be refreshToken or deviceToken",
});

/** Arguments of each IPC channel, as the tuple the renderer passed to invoke(). */
export const ipcArgumentSchemas = {
  none: z.tuple([]),
  serverUrl: z.tuple([z.string().max(SERVER_URL_MAX_LENGTH)]),
  tokenName: z.tuple([tokenNameSchema]),
  setToken: z.tuple([tokenNameSchema, opaqueTokenSchema]),
  notification: z.tuple([
    z.strictObject({
      title: z
        .string()
        .min(1, { error: "must not be empty" })
        .max(NOTIFICATION_TITLE_MAX_LENGTH, {
          error: `must have at most ${NOTIFICATION_TITLE_MAX_LENGTH} characters`,
        })
        .refine((value) => !CONTROL_CHARACTERS.test(value), {
          error: "must not contain control characters",
        }),
      body: z
        .string()
        .max(NOTIFICATION_BODY_MAX_LENGTH, {
          error: `must have at most ${NOTIFICATION_BODY_MAX_LENGTH} characters`,
        })
        .refine((value) => !CONTROL_CHARACTERS_EXCEPT_NEWLINE.test(value), {
          error: "must not contain control characters other than line breaks",
        }),
    }),
  ]),
};

/**
 * Parses IPC arguments or throws an Error naming the argument and the reason. Messages never
 * contain the rejected value, since it may be a token.
 */
export function parseIpcArguments<T>(channel: string, schema: z.ZodType<T>, args: unknown[]): T {
  const result = schema.safeParse(args);
  if (result.success) return result.data;

  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? `argument ${issue.path.join(".")}` : "arguments";
  const reason = issue?.message ?? "are invalid";
  throw new Error(`Invalid ${where} for ${channel}: ${reason}.`);
}
