import nodemailer from "nodemailer";
import type { Transporter } from "nodemailer";
import type { Logger } from "pino";

import type { Config } from "../config";

/** A file sent with a message; with `cid` set, the HTML shows it inline as <img src="cid:…">. */
export interface MailAttachment {
  filename: string;
  contentType: string;
  /** The file's bytes in base64, so the message stays plain JSON in the outbox. */
  contentBase64: string;
  cid?: string;
}

/** A rendered message, as stored in the outbox and handed to SMTP. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The action link in the message, if any; logged in full when email is disabled. */
  link?: string;
  headers?: Record<string, string>;
  attachments?: MailAttachment[];
  /** Short machine name of the message (password-reset, verify-email…), for logs. */
  template: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/**
 * Sends mail over SMTP, or, with ENABLE_EMAIL=false, writes one log line per message whose `link`
 * field carries the whole action link. That line is the only place a token is ever logged.
 */
export function createMailer(config: Config["email"], logger: Logger): Mailer {
  if (!config.enabled) {
    const log = logger.child({ component: "mail" });
    return {
      async send(message) {
        log.info(
          {
            to: message.to,
            template: message.template,
            subject: message.subject,
            link: message.link ?? null,
          },
          message.link ? `development mail: ${message.link}` : "development mail",
        );
      },
      close() {},
    };
  }

  const transporter = createTransport(config);
  return {
    async send(message) {
      await transporter.sendMail({
        from: config.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        headers: message.headers,
        attachments: message.attachments?.map((attachment) => ({
          filename: attachment.filename,
          contentType: attachment.contentType,
          content: Buffer.from(attachment.contentBase64, "base64"),
          cid: attachment.cid,
        })),
      });
    },
    close() {
      transporter.close();
    },
  };
}

function createTransport(config: Config["email"]): Transporter {
  const implicitTls =
    config.security === "tls" || (config.security === "auto" && config.port === 465);
  const requireStartTls =
    config.security === "starttls" || (config.security === "auto" && !implicitTls);
  return nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: implicitTls,
    requireTLS: requireStartTls,
    ignoreTLS: config.security === "none",
    auth: config.user ? { user: config.user, pass: config.password ?? "" } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
}
