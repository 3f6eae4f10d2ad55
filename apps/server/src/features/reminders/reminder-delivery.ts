import { and, eq } from "drizzle-orm";
import type { Logger } from "pino";

import type { Clock } from "../../platform/clock";
import type { Database } from "../../platform/database";
import { DeferJobError, PermanentJobError } from "../../platform/jobs/job-queue";
import type { ClaimedJob } from "../../platform/jobs/job-queue";
import type { Mailer } from "../../platform/mail/mailer";
import type { MailSender } from "../../platform/mail/mail-sender";
import type { AccountsService } from "../accounts/accounts.service";
import type { UserRow } from "../accounts/accounts.tables";
import type { NotificationsService } from "../notifications/notifications.service";
import type { PushService } from "../notifications/push.service";
import {
  isReachable,
  loadSettingsRow,
  scheduleContextOf,
  scheduleRuleOf,
} from "./reminder-context";
import type { ReminderDataSource } from "./reminder-data-source";
import { claimDelivery, finishDelivery } from "./reminder-deliveries";
import { reminderMail, reminderText } from "./reminder-messages";
import {
  expiryOf,
  summaryWeekOf,
  WEEKLY_SUMMARY_LATE_WINDOW_MINUTES,
  weeklySummaryRule,
} from "./reminder-planner";
import { occurrenceOfSlot } from "./reminder-schedule";
import type { Occurrence, ScheduleContext, ScheduleRule } from "./reminder-schedule";
import { reminderRules } from "./reminders.tables";
import type { ReminderDeliveryRow, ReminderRuleRow } from "./reminders.tables";
import type { UnsubscribeTokens } from "./unsubscribe-token";
import { weeklySummaryMail } from "./weekly-summary-mail";

export interface ReminderDelivery {
  deliverReminder(job: ClaimedJob): Promise<void>;
  deliverWeeklySummary(job: ClaimedJob): Promise<void>;
}

export interface ReminderDeliveryDependencies {
  db: Database;
  clock: Clock;
  logger: Logger;
  accounts: AccountsService;
  notifications: NotificationsService;
  push: PushService;
  mailer: Mailer;
  mail: MailSender;
  dataSource: ReminderDataSource;
  unsubscribeTokens: UnsubscribeTokens;
  frontendUrl: string;
  lateWindowMinutes: number;
}

/** A failure that leaves the reminder in `retry`, so the job's next attempt resumes it. */
class RetryableDeliveryError extends Error {
  override readonly name = "RetryableDeliveryError";
}

// The queue claims a job only once its run time has passed, so a fire time still ahead means the
// schedule moved later (a time zone further west) after the job was queued.
const EARLY_TOLERANCE_MS = 1_000;

/**
 * Sends due reminders. Each attempt first checks the job against the rule as it is now (on,
 * same slot, same time in the current time zone, not too late), then asks the data source whether
 * the reminder is still needed, then claims the delivery row, adds the in-app notification and
 * sends push or email. Push and email may fail transiently; the row then waits in `retry` and
 * the job's retry sends only what did not go out.
 */
export function createReminderDelivery(deps: ReminderDeliveryDependencies): ReminderDelivery {
  const log = deps.logger.child({ component: "reminders" });
  const lateWindowMs = deps.lateWindowMinutes * 60_000;

  /** Returns the occurrence to deliver now, or null with a logged reason; may defer the job. */
  function checkTiming(
    job: ClaimedJob,
    rule: ScheduleRule,
    context: ScheduleContext,
    slot: string,
    windowMs: number,
    changedAt: Date | null,
  ): Occurrence | null {
    const now = deps.clock.now();
    const occurrence = occurrenceOfSlot(rule, context, slot);
    if (!occurrence || (changedAt && occurrence.fireAt < changedAt)) {
      log.info({ jobId: job.id, slot }, "reminder no longer scheduled");
      return null;
    }
    const expiresAt = expiryOf(occurrence, windowMs);
    if (occurrence.fireAt.getTime() > now.getTime() + EARLY_TOLERANCE_MS) {
      throw new DeferJobError(occurrence.fireAt, expiresAt);
    }
    if (now > expiresAt) {
      log.info({ jobId: job.id, slot }, "reminder dropped as too late");
      return null;
    }
    return occurrence;
  }

  async function skipReason(rule: ReminderRuleRow, date: string): Promise<string | null> {
    if (rule.kind === "water") {
      const water = await deps.dataSource.waterProgress(rule.userId, date);
      return water.goalMl > 0 && water.totalMl >= water.goalMl ? "goal-met" : null;
    }
    if (rule.kind === "meal" && rule.mealType) {
      return (await deps.dataSource.isMealLogged(rule.userId, date, rule.mealType))
        ? "meal-logged"
        : null;
    }
    if (rule.kind === "daily-log") {
      return (await deps.dataSource.isDayComplete(rule.userId, date)) ? "day-complete" : null;
    }
    return null;
  }

  async function sendPush(
    delivery: ReminderDeliveryRow,
    rule: ReminderRuleRow,
    message: Parameters<PushService["sendToUser"]>[1],
    expiresAt: Date,
  ): Promise<string[]> {
    const now = deps.clock.now();
    const result = await deps.push.sendToUser(rule.userId, message, {
      ttlSeconds: Math.max(60, Math.floor((expiresAt.getTime() - now.getTime()) / 1000)),
      topic: rule.kind,
      skipSubscriptionIds: delivery.pushedSubscriptionIds,
    });
    const pushed = [...delivery.pushedSubscriptionIds, ...result.sentIds];
    if (result.transientFailures > 0) {
      await finishDelivery(deps.db, delivery.id, {
        status: "retry",
        now: deps.clock.now(),
        reason: "push-failed",
        pushedSubscriptionIds: pushed,
      });
      throw new RetryableDeliveryError(
        `push failed for ${result.transientFailures} subscription(s)`,
      );
    }
    return pushed;
  }

  async function sendEmail(
    delivery: ReminderDeliveryRow,
    user: UserRow,
    rule: ReminderRuleRow,
    text: ReturnType<typeof reminderText>,
  ): Promise<"sent" | "failed"> {
    const token = deps.unsubscribeTokens.sign(user.id, { kind: "rule", ruleId: rule.id });
    const message = reminderMail({
      to: user.email,
      text,
      frontendUrl: deps.frontendUrl,
      unsubscribeUrl: unsubscribeUrlFor(deps.frontendUrl, token),
    });
    try {
      // Sent directly instead of through the outbox, whose day of retries would break the late window.
      await deps.mailer.send(message);
      return "sent";
    } catch (error) {
      const isPermanent = isPermanentMailError(error);
      log.info(
        { err: error, userId: user.id, ruleId: rule.id, isPermanent },
        "reminder mail failed",
      );
      if (isPermanent) return "failed";
      await finishDelivery(deps.db, delivery.id, {
        status: "retry",
        now: deps.clock.now(),
        reason: "mail-failed",
      });
      throw new RetryableDeliveryError("reminder mail failed");
    }
  }

  async function deliver(
    delivery: ReminderDeliveryRow,
    user: UserRow,
    rule: ReminderRuleRow,
    occurrence: Occurrence,
  ): Promise<void> {
    const text = reminderText(rule.kind, occurrence.slot.slice(0, 10), rule.mealType);
    const notificationId = await deps.notifications.create(deps.db, user.id, {
      kind: `reminder.${rule.kind}`,
      title: text.title,
      body: text.body,
      url: text.url,
      sourceKey: delivery.sourceKey,
    });

    let pushed = delivery.pushedSubscriptionIds;
    let status: "sent" | "failed" = "sent";
    let reason: string | undefined;
    if (rule.channel === "push") {
      const message = { kind: rule.kind, ...text, tag: `reminder-${rule.id}`, notificationId };
      pushed = await sendPush(delivery, rule, message, expiryOf(occurrence, lateWindowMs));
    } else if (rule.channel === "email" && user.emailVerifiedAt === null) {
      reason = "email-not-verified";
    } else if (rule.channel === "email") {
      status = await sendEmail(delivery, user, rule, text);
      if (status === "failed") reason = "mail-rejected";
    }

    await finishDelivery(deps.db, delivery.id, {
      status,
      now: deps.clock.now(),
      reason,
      pushedSubscriptionIds: pushed,
    });
  }

  async function deliverReminder(job: ClaimedJob): Promise<void> {
    const { userId, ruleId, slot } = readPayload(job, ["userId", "ruleId", "slot"]);
    const now = deps.clock.now();
    const [user, rules, settings] = await Promise.all([
      deps.accounts.findById(deps.db, userId),
      deps.db
        .select()
        .from(reminderRules)
        .where(and(eq(reminderRules.id, ruleId), eq(reminderRules.userId, userId))),
      loadSettingsRow(deps.db, userId, now),
    ]);
    const rule = rules[0];
    if (!user || !isReachable(user) || !rule || !rule.enabled) {
      log.info({ jobId: job.id, userId, ruleId }, "reminder rule is off or gone");
      return;
    }

    const context = scheduleContextOf(user, settings, deps.lateWindowMinutes);
    const occurrence = checkTiming(
      job,
      scheduleRuleOf(rule),
      context,
      slot,
      lateWindowMs,
      rule.scheduleChangedAt,
    );
    if (!occurrence) return;

    const claim = {
      userId,
      ruleId,
      sourceKey: `rule:${ruleId}:${slot}`,
      kind: rule.kind,
      channel: rule.channel,
      slotAt: occurrence.slotAt,
      now,
    };
    const delivery = await claimDelivery(deps.db, claim);
    if (!delivery) {
      log.info({ jobId: job.id, userId, ruleId, slot }, "reminder already handled");
      return;
    }

    try {
      const reason = await skipReason(rule, slot.slice(0, 10));
      if (reason) {
        await finishDelivery(deps.db, delivery.id, { status: "skipped", now, reason });
        log.info({ userId, ruleId, slot, reason }, "reminder skipped");
        return;
      }
      await deliver(delivery, user, rule, occurrence);
      log.info({ userId, ruleId, slot, channel: rule.channel }, "reminder sent");
    } catch (error) {
      // Nothing went out before these failures, so the next attempt may safely resume.
      if (!(error instanceof RetryableDeliveryError)) {
        await finishDelivery(deps.db, delivery.id, {
          status: "retry",
          now: deps.clock.now(),
          reason: "error",
        }).catch(() => undefined);
      }
      throw error;
    }
  }

  async function deliverWeeklySummary(job: ClaimedJob): Promise<void> {
    const { userId, slot } = readPayload(job, ["userId", "slot"]);
    const now = deps.clock.now();
    const [user, settings] = await Promise.all([
      deps.accounts.findById(deps.db, userId),
      loadSettingsRow(deps.db, userId, now),
    ]);
    if (!user || !isReachable(user) || !settings.weeklySummaryEnabled || !user.emailVerifiedAt) {
      log.info({ jobId: job.id, userId }, "weekly summary is off");
      return;
    }

    const context = scheduleContextOf(user, settings, WEEKLY_SUMMARY_LATE_WINDOW_MINUTES);
    const windowMs = WEEKLY_SUMMARY_LATE_WINDOW_MINUTES * 60_000;
    const rule = weeklySummaryRule(user.weekStartsOn);
    const occurrence = checkTiming(job, rule, context, slot, windowMs, null);
    if (!occurrence) return;

    const week = summaryWeekOf(slot);
    const data = await deps.dataSource.weekSummary(userId, week.firstDate, week.lastDate);
    const token = deps.unsubscribeTokens.sign(userId, { kind: "weekly-summary" });
    const message = await weeklySummaryMail({
      to: user.email,
      data,
      frontendUrl: deps.frontendUrl,
      unsubscribeUrl: unsubscribeUrlFor(deps.frontendUrl, token),
    });

    // The claim and the outbox entry commit together, so the summary is queued exactly once.
    await deps.db.transaction(async (tx) => {
      const delivery = await claimDelivery(tx, {
        userId,
        ruleId: null,
        sourceKey: `weekly-summary:${week.firstDate}`,
        kind: "weekly-summary",
        channel: "email",
        slotAt: occurrence.slotAt,
        now,
      });
      if (!delivery) return;
      await deps.mail.queue(tx, message);
      await finishDelivery(tx, delivery.id, { status: "sent", now });
    });
    log.info({ userId, firstDate: week.firstDate }, "weekly summary queued");
  }

  return { deliverReminder, deliverWeeklySummary };
}

/** The one-click unsubscribe address; built from FRONTEND_URL, never from a request. */
export function unsubscribeUrlFor(frontendUrl: string, token: string): string {
  return `${frontendUrl}/api/v1/email/unsubscribe?token=${encodeURIComponent(token)}`;
}

function readPayload<const K extends string>(job: ClaimedJob, keys: K[]): Record<K, string> {
  const values = {} as Record<K, string>;
  for (const key of keys) {
    const value = job.payload[key];
    if (typeof value !== "string") throw new PermanentJobError(`job payload has no ${key}`);
    values[key] = value;
  }
  return values;
}

// SMTP 5xx replies and refused recipients will not change on a retry; anything else might.
function isPermanentMailError(error: unknown): boolean {
  const details = error as { responseCode?: number; code?: string } | null;
  if (details?.code === "EENVELOPE") return true;
  return typeof details?.responseCode === "number" && details.responseCode >= 500;
}
