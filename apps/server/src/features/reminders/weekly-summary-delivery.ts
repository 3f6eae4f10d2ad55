import { payloadStrings } from "../../platform/jobs/job-queue";
import type { ClaimedJob, JobHandler } from "../../platform/jobs/job-queue";
import { isReachable, loadSettingsRow, scheduleContextOf } from "./reminder-context";
import { claimDelivery, finishDelivery } from "./reminder-deliveries";
import type { ReminderDeliveryDependencies } from "./reminder-delivery";
import {
  summaryWeekOf,
  WEEKLY_SUMMARY_LATE_WINDOW_MINUTES,
  weeklySummaryRule,
} from "./reminder-planner";
import { dueOccurrence } from "./slot-timing";
import { unsubscribeUrlFor } from "./unsubscribe-token";
import { weeklySummaryMail } from "./weekly-summary-mail";

/**
 * Returns the handler that mails a user's weekly summary. The mail goes through the outbox,
 * queued in the transaction that records the summary as sent, so a summary is queued once.
 */
export function weeklySummaryDelivery(deps: ReminderDeliveryDependencies): JobHandler {
  const log = deps.logger.child({ component: "reminders" });

  return async function deliverWeeklySummary(job: ClaimedJob): Promise<void> {
    const { userId, slot } = payloadStrings(job, ["userId", "slot"]);
    const now = deps.clock.now();
    const [user, settings] = await Promise.all([
      deps.accounts.findById(deps.db, userId),
      loadSettingsRow(deps.db, userId, now),
    ]);
    if (!user || !isReachable(user) || !settings.weeklySummaryEnabled || !user.emailVerifiedAt) {
      log.info({ jobId: job.id, userId }, "weekly summary is off");
      return;
    }

    const occurrence = dueOccurrence({
      job,
      rule: weeklySummaryRule(user.weekStartsOn),
      context: scheduleContextOf(user, settings, WEEKLY_SUMMARY_LATE_WINDOW_MINUTES),
      slot,
      lateWindowMs: WEEKLY_SUMMARY_LATE_WINDOW_MINUTES * 60_000,
      changedAt: null,
      now,
      log,
    });
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
  };
}
