import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { PUSH_SUBSCRIPTIONS_MAX } from "@fitcoach/contract";

import { ManualClock } from "../../platform/clock";
import { createTestApp } from "../../../test/helpers/app";
import type { TestApp } from "../../../test/helpers/app";
import { bearer } from "../../../test/helpers/auth";
import { FakePushService } from "../../../test/helpers/fake-push-service";
import type { FakeSubscription } from "../../../test/helpers/fake-push-service";
import {
  createReminderUser,
  createRule,
  deliveriesOf,
  runJobsUntilIdle,
} from "../../../test/helpers/reminders";
import type { ReminderUser } from "../../../test/helpers/reminders";
import { pushSubscriptions, vapidKeys } from "./notifications.tables";

describe("web push", () => {
  const clock = new ManualClock("2026-06-01T20:00:00Z");
  let push: FakePushService;
  let subject: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    push = await FakePushService.start();
    subject = await createTestApp({ clock, pushTransport: push.transport });
    second = await createTestApp({
      clock,
      pushTransport: push.transport,
      databaseUrl: subject.databaseUrl,
    });
  });

  afterAll(async () => {
    await second.close();
    await subject.close();
    await push.close();
  });

  async function subscribe(
    user: ReminderUser,
    subscription: FakeSubscription,
  ): Promise<{ statusCode: number; id: string }> {
    const response = await subject.app.inject({
      method: "POST",
      url: "/api/v1/push/subscriptions",
      headers: bearer(user.accessToken),
      payload: { endpoint: subscription.endpoint, keys: subscription.keys },
    });
    return { statusCode: response.statusCode, id: response.json().id };
  }

  async function subscriptionIds(userId: string): Promise<string[]> {
    const rows = await subject.deps.database.db
      .select({ id: pushSubscriptions.id })
      .from(pushSubscriptions)
      .where(eq(pushSubscriptions.userId, userId));
    return rows.map((row) => row.id).sort();
  }

  it("removes subscriptions the service reports gone", async () => {
    const user = await createReminderUser(subject);
    const [kept, expired, unknown] = [
      push.createSubscription(),
      push.createSubscription(),
      push.createSubscription(),
    ];
    const keptId = (await subscribe(user, kept!)).id;
    await subscribe(user, expired!);
    await subscribe(user, unknown!);
    push.respondWith(expired!.key, 410);
    push.respondWith(unknown!.key, 404);

    const response = await subject.app.inject({
      method: "POST",
      url: "/api/v1/push/test",
      headers: bearer(user.accessToken),
    });

    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ sent: 1, removed: 2, failed: 0 });
    expect(await subscriptionIds(user.id)).toEqual([keptId]);
    expect(push.receivedBy(kept!.key).map((entry) => entry.payload)).toEqual([
      {
        kind: "test",
        title: "FitCoach test notification",
        body: "Push notifications work on this device.",
        url: "/settings",
        tag: "fitcoach-test",
      },
    ]);
  });

  it("removes a gone subscription during a reminder", async () => {
    const user = await createReminderUser(subject);
    const gone = push.createSubscription();
    await subscribe(user, gone);
    push.respondWith(gone.key, 410);
    const ruleId = await createRule(subject, user, {
      kind: "weigh-in",
      time: "20:30",
      channel: "push",
    });

    clock.set("2026-06-01T20:30:00Z");
    await runJobsUntilIdle([subject]);

    expect(await subscriptionIds(user.id)).toEqual([]);
    expect(await deliveriesOf(subject, user.id)).toEqual([
      {
        sourceKey: `rule:${ruleId}:2026-06-01T20:30`,
        status: "sent",
        reason: null,
        sentAt: "2026-06-01T20:30:00.000Z",
      },
    ]);
  });

  it("retries only subscriptions that failed", async () => {
    clock.set("2026-06-01T20:40:00Z");
    const user = await createReminderUser(subject);
    const [healthy, flaky] = [push.createSubscription(), push.createSubscription()];
    await subscribe(user, healthy!);
    await subscribe(user, flaky!);
    push.respondWith(flaky!.key, 503);
    const ruleId = await createRule(subject, user, {
      kind: "bedtime",
      time: "21:00",
      channel: "push",
    });

    clock.set("2026-06-01T21:00:00Z");
    await runJobsUntilIdle([subject]);
    const afterFailure = await deliveriesOf(subject, user.id);
    push.respondWith(flaky!.key, 201);
    clock.set("2026-06-01T21:01:00Z");
    await runJobsUntilIdle([subject]);

    expect(afterFailure.map((entry) => [entry.status, entry.reason])).toEqual([
      ["retry", "push-failed"],
    ]);
    expect(push.receivedBy(healthy!.key)).toHaveLength(1);
    expect(push.receivedBy(flaky!.key)).toHaveLength(1);
    expect(await deliveriesOf(subject, user.id)).toEqual([
      {
        sourceKey: `rule:${ruleId}:2026-06-01T21:00`,
        status: "sent",
        reason: null,
        sentAt: "2026-06-01T21:01:00.000Z",
      },
    ]);
  });

  it("shares one stored VAPID key pair", async () => {
    const user = await createReminderUser(subject);

    const fromFirst = await subject.app.inject({
      method: "GET",
      url: "/api/v1/push/public-key",
      headers: bearer(user.accessToken),
    });
    const fromSecond = await second.app.inject({
      method: "GET",
      url: "/api/v1/push/public-key",
      headers: bearer(user.accessToken),
    });
    const stored = await subject.deps.database.db.select().from(vapidKeys);

    expect(fromFirst.statusCode).toBe(200);
    expect(fromFirst.json().publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
    expect(fromSecond.json()).toEqual(fromFirst.json());
    expect(stored).toHaveLength(1);
    expect(stored[0]!.publicKey).toBe(fromFirst.json().publicKey);
    expect(stored[0]!.privateKeyEncrypted).toMatch(/^v1\./);
  });

  it("lists and deletes subscriptions", async () => {
    const user = await createReminderUser(subject);
    const browser = push.createSubscription();
    const created = await subscribe(user, browser);
    const again = await subscribe(user, browser);

    const listed = await subject.app.inject({
      method: "GET",
      url: "/api/v1/push/subscriptions",
      headers: bearer(user.accessToken),
    });
    const removed = await subject.app.inject({
      method: "DELETE",
      url: "/api/v1/push/subscriptions",
      headers: bearer(user.accessToken),
      payload: { endpoint: browser.endpoint },
    });
    const removedAgain = await subject.app.inject({
      method: "DELETE",
      url: "/api/v1/push/subscriptions",
      headers: bearer(user.accessToken),
      payload: { endpoint: browser.endpoint },
    });

    expect(created.statusCode).toBe(201);
    expect(again.id).toBe(created.id);
    expect(listed.json().items).toHaveLength(1);
    expect(listed.json().items[0].id).toBe(created.id);
    expect(removed.statusCode).toBe(204);
    expect(removedAgain.statusCode).toBe(404);
    expect(await subscriptionIds(user.id)).toEqual([]);
  });

  it("keeps an endpoint with its account", async () => {
    const owner = await createReminderUser(subject);
    const intruder = await createReminderUser(subject);
    const browser = push.createSubscription();
    const other = push.createSubscription();
    const owned = await subscribe(owner, browser);

    const taken = await subject.app.inject({
      method: "POST",
      url: "/api/v1/push/subscriptions",
      headers: bearer(intruder.accessToken),
      payload: { endpoint: browser.endpoint, keys: other.keys },
    });

    expect(owned.statusCode).toBe(201);
    expect(taken.statusCode).toBe(409);
    expect(taken.headers["content-type"]).toContain("application/problem+json");
    expect(taken.json().type).toBe("/problems/conflict");
    expect(taken.json().errors).toEqual([
      { field: "endpoint", message: "is registered to another account" },
    ]);
    expect(await subscriptionIds(owner.id)).toEqual([owned.id]);
    expect(await subscriptionIds(intruder.id)).toEqual([]);
  });

  it("moves an endpoint with its keys", async () => {
    const first = await createReminderUser(subject);
    const second = await createReminderUser(subject);
    const browser = push.createSubscription();
    const before = await subscribe(first, browser);

    const after = await subscribe(second, browser);

    expect(after.statusCode).toBe(201);
    expect(after.id).toBe(before.id);
    expect(await subscriptionIds(first.id)).toEqual([]);
    expect(await subscriptionIds(second.id)).toEqual([before.id]);
  });

  it("keeps the newest subscriptions per user", async () => {
    const user = await createReminderUser(subject);
    const created: string[] = [];
    for (let index = 0; index < PUSH_SUBSCRIPTIONS_MAX + 2; index += 1) {
      clock.advance(1_000);
      created.push((await subscribe(user, push.createSubscription())).id);
    }

    const kept = await subscriptionIds(user.id);

    expect(kept).toHaveLength(PUSH_SUBSCRIPTIONS_MAX);
    expect(kept).toEqual(created.slice(2).sort());
  });

  it("rejects long endpoints and user info", async () => {
    const user = await createReminderUser(subject);
    const browser = push.createSubscription();

    const long = await subject.app.inject({
      method: "POST",
      url: "/api/v1/push/subscriptions",
      headers: bearer(user.accessToken),
      payload: { endpoint: `${browser.endpoint}/${"a".repeat(2_100)}`, keys: browser.keys },
    });
    const withUser = await subject.app.inject({
      method: "POST",
      url: "/api/v1/push/subscriptions",
      headers: bearer(user.accessToken),
      payload: { endpoint: "https://user:secret@push.example.test/abc", keys: browser.keys },
    });

    expect(long.statusCode).toBe(400);
    expect(long.json().errors[0].field).toBe("endpoint");
    expect(withUser.statusCode).toBe(400);
    expect(withUser.json().errors).toEqual([
      { field: "endpoint", message: "must not contain a user name or password" },
    ]);
  });

  it("rejects malformed subscriptions", async () => {
    const user = await createReminderUser(subject);
    const browser = push.createSubscription();

    const plainHttp = await subject.app.inject({
      method: "POST",
      url: "/api/v1/push/subscriptions",
      headers: bearer(user.accessToken),
      payload: { endpoint: "http://push.example.test/abc", keys: browser.keys },
    });
    const shortKey = await subject.app.inject({
      method: "POST",
      url: "/api/v1/push/subscriptions",
      headers: bearer(user.accessToken),
      payload: { endpoint: browser.endpoint, keys: { p256dh: "AAAA", auth: browser.keys.auth } },
    });

    expect(plainHttp.statusCode).toBe(400);
    expect(plainHttp.json().errors).toEqual([
      { field: "endpoint", message: "must be an https URL from the browser's push service" },
    ]);
    expect(shortKey.statusCode).toBe(400);
    expect(shortKey.json().errors).toEqual([
      { field: "keys.p256dh", message: "must decode to 65 bytes" },
    ]);
    expect(await subscriptionIds(user.id)).toEqual([]);
  });
});

describe("web push without a test transport", () => {
  let subject: TestApp;

  beforeAll(async () => {
    subject = await createTestApp();
  });

  afterAll(async () => {
    await subject.close();
  });

  it("rejects endpoints on private addresses", async () => {
    const user = await createReminderUser(subject);
    const keys = {
      p256dh: Buffer.alloc(65, 4).toString("base64url"),
      auth: Buffer.alloc(16, 1).toString("base64url"),
    };

    const loopback = await subject.app.inject({
      method: "POST",
      url: "/api/v1/push/subscriptions",
      headers: bearer(user.accessToken),
      payload: { endpoint: "https://127.0.0.1:8443/push/abc", keys },
    });
    const metadata = await subject.app.inject({
      method: "POST",
      url: "/api/v1/push/subscriptions",
      headers: bearer(user.accessToken),
      payload: { endpoint: "https://169.254.169.254/latest", keys },
    });

    expect(loopback.statusCode).toBe(400);
    expect(loopback.json().errors).toEqual([
      { field: "endpoint", message: "must not point at a local or private address" },
    ]);
    expect(metadata.statusCode).toBe(400);
  });
});
