import type { Clock } from "../clock";
import type { Executor } from "../database";
import type { JobWorker } from "../jobs/job-queue";
import { queueMail } from "./mail-outbox";
import type { MailMessage } from "./mailer";

/** Queues mail in the outbox and wakes the worker so it goes out within about a second. */
export interface MailSender {
  queue(executor: Executor, message: MailMessage): Promise<void>;
}

export function createMailSender(deps: { clock: Clock; jobs: JobWorker }): MailSender {
  return {
    async queue(executor, message) {
      await queueMail(executor, message, deps.clock.now());
      deps.jobs.kick();
    },
  };
}
