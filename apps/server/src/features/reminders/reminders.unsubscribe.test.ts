import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ManualClock } from "../../platform/clock";
import { addDays } from "../../platform/local-date";
import { createTestApp } from "../../../test/helpers/app";
import type { TestApp } from "../../../test/helpers/app";
import { bearer } from "../../../test/helpers/auth";
import {
  createReminderUser,
  createRule,
  notificationCount,
  walkClock,
} from "../../../test/helpers/reminders";
import type { ReminderUser } from "../../../test/helpers/reminders";
import { rawHeader, ParsedSmtpPeer } from "../../../test/helpers/parsed-smtp-peer";
import type { ReminderDataSource, WeekSummaryData } from "./reminder-data-source";
import { CHART_CONTENT_ID } from "./weekly-summary-mail";

/** A fixed logged week for the summary, used in place of the tracking services in this test. */
const loggedWeek: ReminderDataSource = {
  async waterProgress() {
    return { totalMl: 0, goalMl: 2000 };
  },
  async isMealLogged() {
    return false;
  },
  async isDayComplete() {
    return false;
  },
  async weekSummary(_userId, firstDate): Promise<WeekSummaryData> {
    const water = [2000, 2500, 1000, 2100, 0, 500, 1500];
    return {
      days: water.map((waterMl, index) => ({
        date: addDays(firstDate, index),
        waterMl,
        energyKcal: index < 4 ? 2100 : null,
        workouts: index % 2 === 0 ? 1 : 0,
        sleepMinutes: 450,
        isComplete: index < 5,
      })),
      goals: { waterMl: 2000, energyKcal: 2200, workoutsPerWeek: 3, sleepMinutes: 480 },
    };
  },
};

const UNSUBSCRIBE_PATTERN =
  /^<http:\/\/localhost:8000\/api\/v1\/email\/unsubscribe\?token=(u1\.[^>]+)>$/;

describe("email unsubscribe", () => {
  const clock = new ManualClock("2026-05-04T05:00:00Z");
  let smtp: ParsedSmtpPeer;
  let subject: TestApp;
  let user: ReminderUser;
  let dailyRuleId: string;
  let weighInRuleId: string;

  beforeAll(async () => {
    smtp = await ParsedSmtpPeer.start();
    subject = await createTestApp({
      clock,
      env: smtp.environment(),
      services: { reminderData: loggedWeek },
    });
    user = await createReminderUser(subject, { timeZone: "Europe/Berlin" });
    dailyRuleId = await createRule(subject, user, { kind: "daily-log", channel: "email" });
    weighInRuleId = await createRule(subject, user, {
      kind: "weigh-in",
      time: "23:30",
      channel: "email",
    });
    const settings = await subject.app.inject({
      method: "PATCH",
      url: "/api/v1/reminders/settings",
      headers: bearer(user.accessToken),
      payload: { weeklySummary: true },
    });
    if (settings.statusCode !== 200) throw new Error(`settings failed: ${settings.body}`);

    await walkClock(subject, clock, "2026-05-04T19:30:00Z");
  });

  afterAll(async () => {
    await subject.close();
    await smtp.close();
  });

  function mailsWithSubject(prefix: string): typeof smtp.messages {
    return smtp.sentTo(user.email).filter((mail) => mail.subject?.startsWith(prefix));
  }

  function tokenOf(mail: (typeof smtp.messages)[number]): string {
    return UNSUBSCRIBE_PATTERN.exec(rawHeader(mail, "List-Unsubscribe") ?? "")?.[1] ?? "";
  }

  async function ruleChannel(ruleId: string): Promise<string> {
    return (await subject.app.services.reminders.getRule(user.id, ruleId)).channel;
  }

  it("sends reminder mail with unsubscribe headers", () => {
    const [mail] = mailsWithSubject("Log your day");

    expect(mail).toBeDefined();
    expect(rawHeader(mail!, "List-Unsubscribe")).toMatch(UNSUBSCRIBE_PATTERN);
    expect(rawHeader(mail!, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    expect(tokenOf(mail!)).toContain(`.rule-${dailyRuleId}.`);
    expect(mail!.text).toContain(
      `Unsubscribe: http://localhost:8000/api/v1/email/unsubscribe?token=${encodeURIComponent(tokenOf(mail!))}`,
    );
  });

  it("shows a confirmation page without unsubscribing", async () => {
    const token = tokenOf(mailsWithSubject("Log your day")[0]!);

    const response = await subject.app.inject({
      method: "GET",
      url: `/api/v1/email/unsubscribe?token=${encodeURIComponent(token)}`,
    });

    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(response.headers["referrer-policy"]).toBe("no-referrer");
    expect(response.body).toContain('<form method="post">');
    expect(await ruleChannel(dailyRuleId)).toBe("email");
  });

  it("unsubscribes a rule with one click", async () => {
    const token = tokenOf(mailsWithSubject("Log your day")[0]!);
    const notificationsBefore = await notificationCount(subject, user.id);

    const response = await subject.app.inject({
      method: "POST",
      url: `/api/v1/email/unsubscribe?token=${encodeURIComponent(token)}`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "List-Unsubscribe=One-Click",
    });
    const repeated = await subject.app.inject({
      method: "POST",
      url: `/api/v1/email/unsubscribe?token=${encodeURIComponent(token)}`,
    });
    await walkClock(subject, clock, "2026-05-05T19:30:00Z");

    expect(response.statusCode).toBe(200);
    expect(response.body).toContain("You are unsubscribed");
    expect(repeated.statusCode).toBe(200);
    expect(await ruleChannel(dailyRuleId)).toBe("in-app");
    expect(mailsWithSubject("Log your day")).toHaveLength(1);
    // The next day's reminder still reaches the in-app list (with the weigh-in of the night before).
    expect(await notificationCount(subject, user.id)).toBe(notificationsBefore + 2);
  });

  it("rejects a tampered token", async () => {
    const token = tokenOf(mailsWithSubject("Weigh-in")[0]!);
    const tampered = token.slice(0, -2) + (token.endsWith("AA") ? "BB" : "AA");

    const response = await subject.app.inject({
      method: "POST",
      url: `/api/v1/email/unsubscribe?token=${encodeURIComponent(tampered)}`,
    });
    const page = await subject.app.inject({
      method: "GET",
      url: `/api/v1/email/unsubscribe?token=${encodeURIComponent(tampered)}`,
    });

    expect(response.statusCode).toBe(400);
    expect(response.json().type).toBe("/problems/invalid-token");
    expect(page.statusCode).toBe(400);
    expect(await ruleChannel(weighInRuleId)).toBe("email");
  });

  it("ignores a token of another user", async () => {
    const otherUserId = "7f9c2b1e-3d4a-4b5c-8d6e-9f0a1b2c3d4e";
    const token = subject.app.services.unsubscribeTokens.sign(otherUserId, {
      kind: "rule",
      ruleId: weighInRuleId,
    });

    const response = await subject.app.inject({
      method: "POST",
      url: `/api/v1/email/unsubscribe?token=${encodeURIComponent(token)}`,
    });

    expect(response.statusCode).toBe(200);
    expect(await ruleChannel(weighInRuleId)).toBe("email");
  });

  it("mails the weekly summary with an inline chart", async () => {
    const [mail] = mailsWithSubject("Your FitCoach week");
    const chart = mail?.attachments.find((attachment) => attachment.cid === CHART_CONTENT_ID);

    expect(mailsWithSubject("Your FitCoach week")).toHaveLength(1);
    expect(chart?.contentType).toBe("image/png");
    expect(await sharp(chart!.content).metadata()).toMatchObject({
      format: "png",
      width: 560,
      height: 200,
    });
    expect(mail!.html).toContain(`src="cid:${CHART_CONTENT_ID}"`);
    expect(mail!.text).toContain("Here is your week from Monday 27 April to Sunday 3 May.");
    expect(mail!.text).toContain(
      "Water: your goal of 2,000 ml was met on 3 of 7 days, with 1,371 ml a day on average.",
    );
    expect(mail!.text).toContain("Workouts: 4 of your goal of 3.");
    expect(mail!.text).toContain("Complete days: 5 of 7.");
    expect(tokenOf(mail!)).toContain(`.${user.id}.weekly-summary.`);
  });

  it("unsubscribes the weekly summary", async () => {
    const token = tokenOf(mailsWithSubject("Your FitCoach week")[0]!);

    const response = await subject.app.inject({
      method: "POST",
      url: `/api/v1/email/unsubscribe?token=${encodeURIComponent(token)}`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "List-Unsubscribe=One-Click",
    });

    expect(response.statusCode).toBe(200);
    expect((await subject.app.services.reminders.getSettings(user.id)).weeklySummary).toBe(false);
  });
});
