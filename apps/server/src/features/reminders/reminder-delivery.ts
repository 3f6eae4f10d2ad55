import { and, eq } from "drizzle-orm";
import type { Logger } from "pino";

import type { Clock } from "../../platform/clock";
import type { Database } from "../../platform/database";
import { payloadStrings } from "../../platform/jobs/job-queue";
import type { ClaimedJob, JobHandler } from "../../platform/jobs/job-queue";
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
import { expiryOf } from "./reminder-schedule";
import type { Occurrence } from "./reminder-schedule";
import { reminderRules } from "./reminders.tables";
import type { ReminderDeliveryRow, ReminderRuleRow } from "./reminders.tables";
import { dueOccurrence } from "./slot-timing";
import { unsubscribeUrlFor } from "./unsubscribe-token";
import type { UnsubscribeTokens } from "./unsubscribe-token";
import { weeklySummaryDelivery } from "./weekly-summary-delivery";

export interface ReminderDelivery {
  deliverReminder: JobHandler;
  deliverWeeklySummary: JobHandler;
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

/**
 * Sends due reminders. Each attempt first checks the job against the rule as it is now: on, same
 * slot, same time in the current time zone, not too late. Then the data source decides whether
 * the reminder is still needed. Only then is the delivery row claimed, the in-app notification
 * added and push or email sent. Push and email may fail transiently; the row then waits in
 * `retry`, and the job's next attempt sends only what did not go out.
 */
export function createReminderDelivery(deps: ReminderDeliveryDependencies): ReminderDelivery {
  const log = deps.logger.child({ component: "reminders" });
  const lateWindowMs = deps.lateWindowMinutes * 60_000;

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
    progress: { hasStartedSending: boolean },
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
    progress.hasStartedSending = rule.channel !== "in-app";
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
    const { userId, ruleId, slot } = payloadStrings(job, ["userId", "ruleId", "slot"]);
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
    const occurrence = dueOccurrence({
      job,
      rule: scheduleRuleOf(rule),
      context,
      slot,
      lateWindowMs,
      changedAt: rule.scheduleChangedAt,
      now,
      log,
    });
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

    const progress = { hasStartedSending: false };
    try {
      const reason = await skipReason(rule, slot.slice(0, 10));
      if (reason) {
        await finishDelivery(deps.db, delivery.id, { status: "skipped", now, reason });
        log.info({ userId, ruleId, slot, reason }, "reminder skipped");
        return;
      }
      await deliver(delivery, user, rule, occurrence, progress);
      log.info({ userId, ruleId, slot, channel: rule.channel }, "reminder sent");
    } catch (error) {
      // Before sending starts, nothing went out and the next attempt may resume. An unexpected
      // failure after that leaves the row in `sending`, because a resend could duplicate.
      if (!(error instanceof RetryableDeliveryError) && !progress.hasStartedSending) {
        await finishDelivery(deps.db, delivery.id, {
          status: "retry",
          now: deps.clock.now(),
          reason: "error",
        }).catch(() => undefined);
      }
      throw error;
    }
  }

  return {
    deliverReminder,
    deliverWeeklySummary: weeklySummaryDelivery(deps),
  };
}

// SMTP 5xx replies and refused recipients will not change on a retry; anything else might.
function isPermanentMailError(error: unknown): boolean {
  const details = error as { responseCode?: number; code?: string } | null;
  if (details?.code === "EENVELOPE") return true;
  return typeof details?.responseCode === "number" && details.responseCode >= 500;
}
