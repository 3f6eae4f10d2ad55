import { enqueueJob, PermanentJobError } from "../jobs/job-queue";
import type { ClaimedJob, JobHandler } from "../jobs/job-queue";
import type { Executor } from "../database";
import type { Mailer, MailMessage } from "./mailer";

export const MAIL_JOB_KIND = "mail.send";

// SMTP outages are retried with the queue's backoff for about a day before a mail is given up.
const MAIL_MAX_ATTEMPTS = 25;

/**
 * Queues a mail in the outbox. Pass the transaction that makes the change the mail reports, so a
 * rolled-back change sends nothing and a committed one is never lost to an SMTP outage.
 */
export async function queueMail(
  executor: Executor,
  message: MailMessage,
  now: Date,
): Promise<void> {
  await enqueueJob(executor, {
    kind: MAIL_JOB_KIND,
    payload: { ...message },
    runAt: now,
    maxAttempts: MAIL_MAX_ATTEMPTS,
  });
}

export function mailJobHandler(mailer: Mailer): JobHandler {
  return async (job: ClaimedJob) => {
    const message = job.payload as unknown as MailMessage;
    if (!message.to || !message.subject)
      throw new PermanentJobError("mail job without recipient or subject");
    await mailer.send(message);
  };
}
