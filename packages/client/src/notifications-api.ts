import {
  markAllReadResponseSchema,
  notificationPageSchema,
  pushPublicKeySchema,
  pushSubscriptionListSchema,
  pushSubscriptionSchema,
  pushTestResponseSchema,
  unreadCountSchema,
} from "@fitcoach/contract";
import type {
  NotificationPage,
  PushSubscriptionRequest,
  PushSubscriptionView,
  PushTestResult,
} from "@fitcoach/contract";

import type { ApiClientCore } from "./api-client";

/** The in-app notification list: unread first, then newest first. */
export interface NotificationsApi {
  list(options?: { cursor?: string; limit?: number }): Promise<NotificationPage>;
  unreadCount(): Promise<number>;
  markRead(id: string): Promise<void>;
  /** Marks every notification read and resolves to how many changed. */
  markAllRead(): Promise<number>;
  remove(id: string): Promise<void>;
}

/** Web push subscriptions of the account's browsers. */
export interface PushApi {
  /** The VAPID public key in base64url, for `pushManager.subscribe`. */
  publicKey(): Promise<string>;
  listSubscriptions(): Promise<PushSubscriptionView[]>;
  /** Registers `subscription.toJSON()`; posting the same endpoint again updates it. */
  subscribe(subscription: PushSubscriptionRequest): Promise<PushSubscriptionView>;
  /** Removes this browser's subscription by its endpoint. */
  unsubscribe(endpoint: string): Promise<void>;
  /** Removes another device's subscription by its id. */
  removeSubscription(id: string): Promise<void>;
  /** Sends a test push to every device of the account. */
  sendTest(): Promise<PushTestResult>;
}

export function createNotificationsApi(core: ApiClientCore): NotificationsApi {
  return {
    list: (options = {}) =>
      core.request({
        path: "/notifications",
        query: { cursor: options.cursor, limit: options.limit },
        schema: notificationPageSchema,
      }),
    async unreadCount() {
      return (
        await core.request({ path: "/notifications/unread-count", schema: unreadCountSchema })
      ).count;
    },
    async markRead(id) {
      await core.request({ method: "POST", path: `/notifications/${encodeURIComponent(id)}/read` });
    },
    async markAllRead() {
      const answer = await core.request({
        method: "POST",
        path: "/notifications/read-all",
        schema: markAllReadResponseSchema,
      });
      return answer.updated;
    },
    async remove(id) {
      await core.request({ method: "DELETE", path: `/notifications/${encodeURIComponent(id)}` });
    },
  };
}

export function createPushApi(core: ApiClientCore): PushApi {
  return {
    async publicKey() {
      return (await core.request({ path: "/push/public-key", schema: pushPublicKeySchema }))
        .publicKey;
    },
    async listSubscriptions() {
      return (
        await core.request({ path: "/push/subscriptions", schema: pushSubscriptionListSchema })
      ).items;
    },
    subscribe: (subscription) =>
      core.request({
        method: "POST",
        path: "/push/subscriptions",
        body: subscription,
        schema: pushSubscriptionSchema,
      }),
    async unsubscribe(endpoint) {
      await core.request({ method: "DELETE", path: "/push/subscriptions", body: { endpoint } });
    },
    async removeSubscription(id) {
      await core.request({
        method: "DELETE",
        path: `/push/subscriptions/${encodeURIComponent(id)}`,
      });
    },
    sendTest: () =>
      core.request({ method: "POST", path: "/push/test", schema: pushTestResponseSchema }),
  };
}
