import { sql } from "drizzle-orm";
import { reminderRuleCreateSchema } from "@fitcoach/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ManualClock } from "../../platform/clock";
import { rowsOf } from "../../platform/database";
import { createTestApp } from "../../../test/helpers/app";
import type { TestApp } from "../../../test/helpers/app";
import { bearer } from "../../../test/helpers/auth";
import { FakePushService } from "../../../test/helpers/fake-push-service";
import type { FakeSubscription } from "../../../test/helpers/fake-push-service";
import { createReminderUser, createRule, runJobsUntilIdle } from "../../../test/helpers/reminders";
import type { ReminderUser } from "../../../test/helpers/reminders";
import { rawHeader, ParsedSmtpPeer } from "../../../test/helpers/parsed-smtp-peer";

const USERS = 10;
const RULES_PER_CHANNEL = 10;
const KINDS = ["weigh-in", "workout", "bedtime"] as const;

interface Recipient {
  user: ReminderUser;
  subscription: FakeSubscription;
  pushRuleIds: string[];
  emailRuleIds: string[];
}

describe("reminders on two instances", () => {
  const clock = new ManualClock("2026-06-01T08:00:00Z");
  let push: FakePushService;
  let smtp: ParsedSmtpPeer;
  let first: TestApp;
  let second: TestApp;
  const recipients: Recipient[] = [];

  beforeAll(async () => {
    push = await FakePushService.start();
    smtp = await ParsedSmtpPeer.start();
    const options = { clock, env: smtp.environment(), pushTransport: push.transport };
    first = await createTestApp(options);
    second = await createTestApp({ ...options, databaseUrl: first.databaseUrl });

    for (let index = 0; index < USERS; index += 1) {
      recipients.push(await arrangeRecipient(index % 2 === 0 ? first : second));
    }
  }, 120_000);

  afterAll(async () => {
    await second?.close();
    await first?.close();
    await push?.close();
    await smtp?.close();
  });

  // Each user has one browser and 10 push and 10 email rules between 10:00 and 10:09 UTC.
  async function arrangeRecipient(instance: TestApp): Promise<Recipient> {
    const user = await createReminderUser(instance);
    const subscription = push.createSubscription();
    const subscribed = await instance.app.inject({
      method: "POST",
      url: "/api/v1/push/subscriptions",
      headers: {
        ...bearer(user.accessToken),
        "user-agent": "Mozilla/5.0 (X11; Linux) Firefox/140.0",
      },
      payload: { endpoint: subscription.endpoint, expirationTime: null, keys: subscription.keys },
    });
    if (subscribed.statusCode !== 201) throw new Error(`subscribe failed: ${subscribed.body}`);

    const pushRuleIds: string[] = [];
    const emailRuleIds: string[] = [];
    for (let index = 0; index < RULES_PER_CHANNEL; index += 1) {
      const time = `10:0${index}`;
      const kind = KINDS[index % KINDS.length];
      const weekdays = [1, 2, 3, 4, 5, 6, 7];
      pushRuleIds.push(await createRule(instance, user, { kind, time, weekdays, channel: "push" }));
      emailRuleIds.push(
        await createRule(instance, user, { kind, time, weekdays, channel: "email" }),
      );
    }
    return { user, subscription, pushRuleIds, emailRuleIds };
  }

  function reminderMails(): typeof smtp.messages {
    return smtp.messages.filter((message) => rawHeader(message, "List-Unsubscribe") !== null);
  }

  it("delivers each due reminder exactly once", async () => {
    const publicKey = (
      await first.app.inject({
        method: "GET",
        url: "/api/v1/push/public-key",
        headers: bearer(recipients[0]!.user.accessToken),
      })
    ).json().publicKey as string;

    clock.set("2026-06-01T10:30:00Z");
    const jobCounts = await runJobsUntilIdle([first, second]);
    // A second round of planning and work on both instances finds nothing left to send.
    await first.app.scheduler.tick();
    await second.app.scheduler.tick();
    await runJobsUntilIdle([first, second]);

    expect(push.received).toHaveLength(USERS * RULES_PER_CHANNEL);
    expect(reminderMails()).toHaveLength(USERS * RULES_PER_CHANNEL);
    expect(jobCounts[0]).toBeGreaterThan(0);
    expect(jobCounts[1]).toBeGreaterThan(0);

    for (const recipient of recipients) {
      const pushes = push.receivedBy(recipient.subscription.key);
      const pushedTags = pushes.map((entry) => entry.payload.tag).sort();
      expect(pushedTags).toEqual(recipient.pushRuleIds.map((id) => `reminder-${id}`).sort());
      for (const entry of pushes) {
        expect(entry.payload.url).toBe("/day/2026-06-01");
        expect(entry.headers["content-encoding"]).toBe("aes128gcm");
        expect(entry.headers.authorization).toContain(`k=${publicKey}`);
        expect(Number(entry.headers.ttl)).toBeGreaterThan(0);
      }

      const mails = smtp
        .sentTo(recipient.user.email)
        .filter((mail) => rawHeader(mail, "List-Unsubscribe") !== null);
      const mailedRuleIds = mails.map((mail) =>
        ruleIdOfUnsubscribeHeader(rawHeader(mail, "List-Unsubscribe")),
      );
      expect(mailedRuleIds.sort()).toEqual([...recipient.emailRuleIds].sort());
    }
  });

  it("records every delivery as sent", async () => {
    const result = await first.deps.database.db.execute(sql`
      select status, count(*)::int as total from reminder_deliveries group by status`);
    const workers = await first.deps.database.db.execute(sql`
      select count(distinct locked_by)::int as total from jobs
      where kind = 'reminders.deliver' and completed_at is not null`);

    expect(rowsOf(result)).toEqual([{ status: "sent", total: 2 * USERS * RULES_PER_CHANNEL }]);
    expect(rowsOf<{ total: number }>(workers)[0]!.total).toBe(2);
  });

  it("sends once when two workers run one job", async () => {
    // A lease that ran out mid-send lets a second worker claim the same job; the delivery row
    // must still let only one of them send.
    const recipient = recipients[0]!;
    const rule = await first.app.services.reminders.createRule(
      { userId: recipient.user.id, emailVerified: true },
      reminderRuleCreateSchema.parse({ kind: "weigh-in", time: "11:00", channel: "push" }),
    );
    const ruleId = rule.id;
    const job = {
      id: "00000000-0000-4000-8000-000000000001",
      kind: "reminders.deliver",
      payload: { userId: recipient.user.id, ruleId, slot: "2026-06-01T11:00" },
      attempts: 1,
      maxAttempts: 8,
      runAt: new Date("2026-06-01T11:00:00Z"),
      expiresAt: null,
    };
    clock.set("2026-06-01T11:00:00Z");
    const before = push.receivedBy(recipient.subscription.key).length;

    await Promise.all([
      first.app.services.reminderDelivery.deliverReminder(job),
      second.app.services.reminderDelivery.deliverReminder(job),
    ]);

    expect(push.receivedBy(recipient.subscription.key)).toHaveLength(before + 1);
  });
});

function ruleIdOfUnsubscribeHeader(header: string | null): string {
  const token = decodeURIComponent(/token=([^>\s]+)/.exec(header ?? "")?.[1] ?? "");
  return /\.rule-([0-9a-f-]{36})\./.exec(token)?.[1] ?? "";
}
