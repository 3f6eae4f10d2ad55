import { z } from "zod";

import { emailSchema, idSchema, timeZoneSchema } from "./common";
import { checkPasswordLength } from "./password";
import { singleLineText } from "./text";

export const NAME_MAX_LENGTH = 100;

/** Schema of a new password. It checks the length rule; the strength check runs on the server and in clients. */
export const newPasswordSchema = z.string().superRefine((value, context) => {
  const problem = checkPasswordLength(value);
  if (problem) context.addIssue({ code: "custom", message: problem });
});

/** A password being checked, not set: any length up to the maximum, so old passwords still work. */
export const currentPasswordSchema = z
  .string()
  .min(1, { error: "is required" })
  .max(1024, { error: "must have at most 1024 characters" });

export const opaqueTokenSchema = z
  .string()
  .min(16, { error: "is not a valid token" })
  .max(256, { error: "is not a valid token" })
  .regex(/^[A-Za-z0-9_-]+$/, { error: "is not a valid token" });

export const totpCodeSchema = z
  .string()
  .regex(/^\d{6}$/, { error: "must be the 6-digit code from your app" });

export const recoveryCodeSchema = z
  .string()
  .max(32)
  .regex(/^[A-Za-z0-9-\s]+$/, { error: "is not a valid recovery code" });

export const displayNameSchema = singleLineText({ min: 1, max: NAME_MAX_LENGTH, trim: true });

export const registerRequestSchema = z.strictObject({
  email: emailSchema,
  password: newPasswordSchema,
  name: displayNameSchema.optional(),
  timeZone: timeZoneSchema.optional(),
});
export type RegisterRequest = z.infer<typeof registerRequestSchema>;

/** Body of every response that must not reveal whether an account exists. */
export const acceptedResponseSchema = z.object({ message: z.string() });
export type AcceptedResponse = z.infer<typeof acceptedResponseSchema>;

export const emailRequestSchema = z.strictObject({ email: emailSchema });

export const tokenRequestSchema = z.strictObject({ token: opaqueTokenSchema });

export const loginRequestSchema = z.strictObject({
  email: emailSchema,
  password: currentPasswordSchema,
  /** Native clients send back the device token they got at their last login. */
  deviceToken: opaqueTokenSchema.optional(),
  /** Name the user sees in their session list, such as "Pixel 8"; web sessions use the browser. */
  deviceName: singleLineText({ max: 100, trim: true }).optional(),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const tokenResponseSchema = z.object({
  accessToken: z.string(),
  tokenType: z.literal("Bearer"),
  expiresIn: z.number().int(),
  /** Present for native clients only; web clients get an HttpOnly cookie instead. */
  refreshToken: z.string().optional(),
  /** Present for native clients only: send it with later logins to skip brute-force locks. */
  deviceToken: z.string().optional(),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

export const mfaRequiredResponseSchema = z.object({
  mfaRequired: z.literal(true),
  mfaToken: z.string(),
  expiresIn: z.number().int(),
});
export type MfaRequiredResponse = z.infer<typeof mfaRequiredResponseSchema>;

export const loginResponseSchema = z.union([tokenResponseSchema, mfaRequiredResponseSchema]);
export type LoginResponse = z.infer<typeof loginResponseSchema>;

export const loginSecondFactorRequestSchema = z
  .strictObject({
    mfaToken: opaqueTokenSchema,
    code: totpCodeSchema.optional(),
    recoveryCode: recoveryCodeSchema.optional(),
  })
  .refine((value) => (value.code === undefined) !== (value.recoveryCode === undefined), {
    error: "send either code or recoveryCode",
    path: ["code"],
  });

/** Native clients send the token in the body; browsers send no body and use the cookie. */
export const refreshRequestSchema = z
  .strictObject({ refreshToken: opaqueTokenSchema.optional() })
  .nullish();

export const passwordResetRequestSchema = z.strictObject({
  token: opaqueTokenSchema,
  password: newPasswordSchema,
});

export const passwordChangeRequestSchema = z.strictObject({
  currentPassword: currentPasswordSchema,
  newPassword: newPasswordSchema,
});

export const reauthenticateRequestSchema = z
  .strictObject({ password: currentPasswordSchema.optional(), code: totpCodeSchema.optional() })
  .refine((value) => value.password !== undefined || value.code !== undefined, {
    error: "send password or code",
    path: ["password"],
  });

export const emailChangeRequestSchema = z.strictObject({
  password: currentPasswordSchema,
  newEmail: emailSchema,
});

export const verifyEmailResponseSchema = z.object({ emailVerified: z.literal(true) });

export const sessionSchema = z.object({
  id: idSchema,
  deviceLabel: z.string(),
  clientType: z.enum(["web", "native"]),
  ip: z.string().nullable(),
  createdAt: z.string(),
  lastUsedAt: z.string(),
  current: z.boolean(),
});
export type Session = z.infer<typeof sessionSchema>;
export const sessionListSchema = z.object({ items: z.array(sessionSchema) });

export const twoFactorSetupResponseSchema = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  /** PNG of the otpauth URI as a data: URL, ready for an img element. */
  qrCode: z.string(),
});

export const twoFactorEnableRequestSchema = z.strictObject({ code: totpCodeSchema });
export const twoFactorConfirmRequestSchema = z
  .strictObject({
    password: currentPasswordSchema,
    code: totpCodeSchema.optional(),
    recoveryCode: recoveryCodeSchema.optional(),
  })
  .refine((value) => (value.code === undefined) !== (value.recoveryCode === undefined), {
    error: "send either code or recoveryCode",
    path: ["code"],
  });
export const recoveryCodesResponseSchema = z.object({ recoveryCodes: z.array(z.string()) });

export const auditEventSchema = z.object({
  id: idSchema,
  event: z.string(),
  severity: z.enum(["info", "warning", "high"]),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});
export const auditPageSchema = z.object({
  items: z.array(auditEventSchema),
  nextCursor: z.string().nullable(),
});

/** Header the web client sends on cookie-authenticated calls; a cross-site form cannot set it. */
export const WEB_CLIENT_HEADER = "x-fitcoach-client";
/** Header native apps send on every call, so tokens come back in bodies instead of cookies. */
export const CLIENT_TYPE_HEADER = "x-client-type";
export const REFRESH_COOKIE = "fc_refresh";
export const DEVICE_COOKIE = "fc_device";
