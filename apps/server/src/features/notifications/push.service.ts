import type { Agent } from "node:https";
import { and, asc, count, eq, inArray, or, sql } from "drizzle-orm";
import type { Logger } from "pino";
import { PUSH_SUBSCRIPTIONS_MAX } from "@fitcoach/contract";
import type {
  PushSubscriptionRequest,
  PushSubscriptionView,
  PushTestResult,
} from "@fitcoach/contract";

import type { Clock } from "../../platform/clock";
import type { Database } from "../../platform/database";
import { problem } from "../../platform/errors";
import { describeDevice } from "../auth/device-label";
import { pushSubscriptions } from "./notifications.tables";
import type { PushSubscriptionRow } from "./notifications.tables";
import { loadWebPush } from "../../platform/lazy-modules";
import { isPrivateHost } from "./push-network";
import type { VapidKeyPair } from "./vapid-keys";

/** Message the service worker receives as JSON; `url` is a path in the web app. */
export interface PushMessage {
  kind: string;
  title: string;
  body: string;
  url: string | null;
  /** Browsers replace a shown notification that has the same tag. */
  tag: string;
  notificationId?: string;
}

export interface PushSendOptions {
  /** How long the push service keeps an undelivered message, in seconds. */
  ttlSeconds: number;
  /** Push services replace a queued message with the same topic (at most 32 base64url chars). */
  topic?: string;
  /** Subscriptions that already received this message on an earlier attempt. */
  skipSubscriptionIds?: string[];
}

export interface PushSendResult {
  sentIds: string[];
  /** Subscriptions the push service reported gone (404 or 410), now deleted. */
  removed: number;
  /** Requests the push service refused for good, such as 400 or 403. */
  rejected: number;
  /** Failures worth retrying: network errors, timeouts, 429 and 5xx. */
  transientFailures: number;
}

/** Route of requests to push services; tests pass an agent that trusts their fake service. */
export interface PushTransport {
  agent: Agent;
  /** Allows loopback and private addresses, which only a test or a private relay needs. */
  allowPrivateHosts: boolean;
}

export interface PushService {
  publicKey(): Promise<string>;
  subscribe(
    userId: string,
    input: PushSubscriptionRequest,
    userAgent: string | null,
  ): Promise<PushSubscriptionView>;
  unsubscribe(userId: string, endpoint: string): Promise<boolean>;
  removeSubscription(userId: string, subscriptionId: string): Promise<boolean>;
  listSubscriptions(userId: string): Promise<PushSubscriptionView[]>;
  sendToUser(
    userId: string,
    message: PushMessage,
    options: PushSendOptions,
  ): Promise<PushSendResult>;
  sendTest(userId: string): Promise<PushTestResult>;
}

type Outcome = "sent" | "gone" | "rejected" | "transient";

const PUSH_REQUEST_TIMEOUT_MS = 10_000;
const TEST_PUSH_TTL_SECONDS = 300;

export function createPushService(deps: {
  db: Database;
  clock: Clock;
  logger: Logger;
  transport: PushTransport;
  vapidKeys: () => Promise<VapidKeyPair>;
  vapidSubject: string;
}): PushService {
  const log = deps.logger.child({ component: "push" });

  async function sendOne(
    subscription: PushSubscriptionRow,
    payload: string,
    options: PushSendOptions,
  ): Promise<Outcome> {
    if (
      !deps.transport.allowPrivateHosts &&
      isPrivateHost(new URL(subscription.endpoint).hostname)
    ) {
      log.warn({ subscriptionId: subscription.id }, "push endpoint on a private address skipped");
      return "rejected";
    }
    const keys = await deps.vapidKeys();
    const webpush = await loadWebPush();
    try {
      await webpush.sendNotification(
        {
          endpoint: subscription.endpoint,
          keys: { p256dh: subscription.p256dh, auth: subscription.auth },
        },
        payload,
        {
          vapidDetails: { subject: deps.vapidSubject, ...keys },
          TTL: options.ttlSeconds,
          topic: options.topic,
          urgency: "normal",
          timeout: PUSH_REQUEST_TIMEOUT_MS,
          agent: deps.transport.agent,
        },
      );
      return "sent";
    } catch (error) {
      const outcome = classifyFailure(error);
      const status = pushErrorStatus(error);
      log.info({ err: error, subscriptionId: subscription.id, status, outcome }, "push failed");
      return outcome;
    }
  }

  async function recordOutcomes(outcomes: Map<PushSubscriptionRow, Outcome>): Promise<void> {
    const now = deps.clock.now();
    const idsWith = (wanted: Outcome[]): string[] =>
      [...outcomes].filter(([, outcome]) => wanted.includes(outcome)).map(([row]) => row.id);

    const gone = idsWith(["gone"]);
    if (gone.length > 0)
      await deps.db.delete(pushSubscriptions).where(inArray(pushSubscriptions.id, gone));
    const sent = idsWith(["sent"]);
    if (sent.length > 0) {
      await deps.db
        .update(pushSubscriptions)
        .set({ lastSuccessAt: now, failureCount: 0 })
        .where(inArray(pushSubscriptions.id, sent));
    }
    const failed = idsWith(["rejected", "transient"]);
    if (failed.length > 0) {
      await deps.db
        .update(pushSubscriptions)
        .set({ lastFailureAt: now, failureCount: sql`${pushSubscriptions.failureCount} + 1` })
        .where(inArray(pushSubscriptions.id, failed));
    }
  }

  async function sendToUser(
    userId: string,
    message: PushMessage,
    options: PushSendOptions,
  ): Promise<PushSendResult> {
    const skip = new Set(options.skipSubscriptionIds ?? []);
    const rows = (
      await deps.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, userId))
    ).filter((row) => !skip.has(row.id));
    const payload = JSON.stringify(message);

    // In parallel, so one slow push service cannot hold the job past its lease.
    const results = await Promise.all(rows.map((row) => sendOne(row, payload, options)));
    const outcomes = new Map(rows.map((row, index) => [row, results[index]!]));
    await recordOutcomes(outcomes);

    return {
      sentIds: rows.filter((row) => outcomes.get(row) === "sent").map((row) => row.id),
      removed: results.filter((outcome) => outcome === "gone").length,
      rejected: results.filter((outcome) => outcome === "rejected").length,
      transientFailures: results.filter((outcome) => outcome === "transient").length,
    };
  }

  return {
    async publicKey() {
      return (await deps.vapidKeys()).publicKey;
    },

    async subscribe(userId, input, userAgent) {
      if (!deps.transport.allowPrivateHosts && isPrivateHost(new URL(input.endpoint).hostname)) {
        throw problem("validation-failed", {
          detail: "The endpoint must belong to a public push service.",
          errors: [{ field: "endpoint", message: "must not point at a local or private address" }],
        });
      }

      const now = deps.clock.now();
      const values = {
        userId,
        endpoint: input.endpoint,
        p256dh: input.keys.p256dh,
        auth: input.keys.auth,
        deviceLabel: describeDevice(undefined, userAgent, "web"),
        createdAt: now,
      };
      // The endpoint identifies a browser profile. Another account may take it over only with the
      // same keys, which only that browser holds, so knowing an endpoint is not enough to move a
      // user's notifications to another account.
      const rows = await deps.db
        .insert(pushSubscriptions)
        .values(values)
        .onConflictDoUpdate({
          target: pushSubscriptions.endpoint,
          set: { ...values, failureCount: 0, lastFailureAt: null },
          setWhere: or(
            eq(pushSubscriptions.userId, userId),
            and(
              eq(pushSubscriptions.p256dh, input.keys.p256dh),
              eq(pushSubscriptions.auth, input.keys.auth),
            ),
          ),
        })
        .returning();
      const row = rows[0];
      if (!row) {
        log.info({ userId }, "push endpoint of another account rejected");
        throw problem("conflict", {
          detail:
            "This push endpoint is registered to another account. Unsubscribe it in the browser and subscribe again to get a new endpoint.",
          errors: [{ field: "endpoint", message: "is registered to another account" }],
        });
      }
      await trimSubscriptions(deps.db, userId);
      return toView(row);
    },

    async unsubscribe(userId, endpoint) {
      const rows = await deps.db
        .delete(pushSubscriptions)
        .where(and(eq(pushSubscriptions.userId, userId), eq(pushSubscriptions.endpoint, endpoint)))
        .returning({ id: pushSubscriptions.id });
      return rows.length > 0;
    },

    async removeSubscription(userId, subscriptionId) {
      const rows = await deps.db
        .delete(pushSubscriptions)
        .where(and(eq(pushSubscriptions.userId, userId), eq(pushSubscriptions.id, subscriptionId)))
        .returning({ id: pushSubscriptions.id });
      return rows.length > 0;
    },

    async listSubscriptions(userId) {
      const rows = await deps.db
        .select()
        .from(pushSubscriptions)
        .where(eq(pushSubscriptions.userId, userId))
        .orderBy(asc(pushSubscriptions.createdAt));
      return rows.map(toView);
    },

    sendToUser,

    async sendTest(userId) {
      const result = await sendToUser(
        userId,
        {
          kind: "test",
          title: "FitCoach test notification",
          body: "Push notifications work on this device.",
          url: "/settings",
          tag: "fitcoach-test",
        },
        { ttlSeconds: TEST_PUSH_TTL_SECONDS },
      );
      return {
        sent: result.sentIds.length,
        removed: result.removed,
        failed: result.rejected + result.transientFailures,
      };
    },
  };
}

// web-push is loaded lazily, so its WebPushError class is matched by name, not instanceof.
function pushErrorStatus(error: unknown): number | null {
  if (!(error instanceof Error) || error.name !== "WebPushError") return null;
  const status = (error as { statusCode?: unknown }).statusCode;
  return typeof status === "number" ? status : null;
}

function classifyFailure(error: unknown): Outcome {
  const statusCode = pushErrorStatus(error);
  if (statusCode !== null) {
    if (statusCode === 404 || statusCode === 410) return "gone";
    if (statusCode === 429 || statusCode >= 500) return "transient";
    return "rejected";
  }
  if ((error as NodeJS.ErrnoException | null)?.code === "EPUSHPRIVATE") return "rejected";
  return "transient";
}

// Keeps the newest subscriptions of a user; browsers that were used least recently go first.
async function trimSubscriptions(db: Database, userId: string): Promise<void> {
  const rows = await db
    .select({ total: count() })
    .from(pushSubscriptions)
    .where(eq(pushSubscriptions.userId, userId));
  const excess = (rows[0]?.total ?? 0) - PUSH_SUBSCRIPTIONS_MAX;
  if (excess <= 0) return;

  const oldest = await db
    .select({ id: pushSubscriptions.id })
    .from(pushSubscriptions)
    .where(eq(pushSubscriptions.userId, userId))
    .orderBy(sql`coalesce(${pushSubscriptions.lastSuccessAt}, ${pushSubscriptions.createdAt})`)
    .limit(excess);
  await db.delete(pushSubscriptions).where(
    inArray(
      pushSubscriptions.id,
      oldest.map((row) => row.id),
    ),
  );
}

function toView(row: PushSubscriptionRow): PushSubscriptionView {
  return {
    id: row.id,
    deviceLabel: row.deviceLabel,
    createdAt: row.createdAt.toISOString(),
    lastSuccessAt: row.lastSuccessAt?.toISOString() ?? null,
  };
}
