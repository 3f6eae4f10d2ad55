import { z } from "zod";

import { PAGE_SIZE_MAX } from "./common";

/** An entry of the in-app notification list. */
export const notificationSchema = z.object({
  id: z.string(),
  /** What produced it, such as `reminder.water`, `reminder.daily-log` or `weekly-summary`. */
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  /** Path in the web app to open, such as /day/2026-03-29, or null. */
  url: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationPageSchema = z.object({
  items: z.array(notificationSchema),
  nextCursor: z.string().nullable(),
  unreadCount: z.number().int(),
});
export type NotificationPage = z.infer<typeof notificationPageSchema>;

export const notificationListQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(20),
  cursor: z.string().max(200).optional(),
});

export const unreadCountSchema = z.object({ count: z.number().int() });
export const markAllReadResponseSchema = z.object({ updated: z.number().int() });

export const PUSH_ENDPOINT_MAX_LENGTH = 2048;
export const PUSH_SUBSCRIPTIONS_MAX = 10;

function base64UrlKeySchema(bytes: number, name: string): z.ZodType<string> {
  return z
    .string()
    .regex(/^[A-Za-z0-9_-]+={0,2}$/, { error: `must be the ${name} key in base64url` })
    .refine((value) => base64UrlByteLength(value) === bytes, {
      error: `must decode to ${bytes} bytes`,
    });
}

function base64UrlByteLength(value: string): number {
  return Math.floor((value.replace(/=+$/, "").length * 3) / 4);
}

/** A browser's PushSubscription as `subscription.toJSON()` returns it. */
export const pushSubscriptionRequestSchema = z.strictObject({
  endpoint: z
    .url({ protocol: /^https$/, error: "must be an https URL from the browser's push service" })
    .max(PUSH_ENDPOINT_MAX_LENGTH, {
      error: `must have at most ${PUSH_ENDPOINT_MAX_LENGTH} characters`,
    })
    .refine((value) => !/^https:\/\/[^/?#]*@/i.test(value), {
      error: "must not contain a user name or password",
    }),
  expirationTime: z.number().nullable().optional(),
  keys: z.strictObject({
    p256dh: base64UrlKeySchema(65, "p256dh"),
    auth: base64UrlKeySchema(16, "auth"),
  }),
});
export type PushSubscriptionRequest = z.infer<typeof pushSubscriptionRequestSchema>;

export const pushUnsubscribeRequestSchema = z.strictObject({
  endpoint: z.string().min(1).max(PUSH_ENDPOINT_MAX_LENGTH),
});

export const pushSubscriptionSchema = z.object({
  id: z.string(),
  deviceLabel: z.string(),
  createdAt: z.string(),
  lastSuccessAt: z.string().nullable(),
});
export type PushSubscriptionView = z.infer<typeof pushSubscriptionSchema>;

export const pushSubscriptionListSchema = z.object({ items: z.array(pushSubscriptionSchema) });

/** The VAPID public key, as `applicationServerKey` for `pushManager.subscribe`. */
export const pushPublicKeySchema = z.object({ publicKey: z.string() });

export const pushTestResponseSchema = z.object({
  sent: z.number().int(),
  removed: z.number().int(),
  failed: z.number().int(),
});
export type PushTestResult = z.infer<typeof pushTestResponseSchema>;
