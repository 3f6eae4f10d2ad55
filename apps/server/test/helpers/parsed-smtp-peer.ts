import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import type { ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * An SMTP server on loopback that accepts every message and keeps it parsed. Point a test app at
 * it with `environment()`.
 */
export class ParsedSmtpPeer {
  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
    readonly messages: ParsedMail[],
  ) {}

  static async start(): Promise<ParsedSmtpPeer> {
    const messages: ParsedMail[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onData(stream, _session, callback) {
        // keepCidLinks keeps "cid:" image sources as sent instead of inlining them as data URIs.
        simpleParser(stream, { keepCidLinks: true })
          .then((parsed) => {
            messages.push(parsed);
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return new ParsedSmtpPeer(server, (server.server.address() as AddressInfo).port, messages);
  }

  environment(): Record<string, string> {
    return {
      ENABLE_EMAIL: "true",
      SMTP_HOST: "127.0.0.1",
      SMTP_PORT: String(this.port),
      SMTP_SECURITY: "none",
    };
  }

  sentTo(address: string): ParsedMail[] {
    return this.messages.filter((message) => addressesOf(message).includes(address));
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

function addressesOf(message: ParsedMail): string[] {
  if (!message.to) return [];
  const lists = Array.isArray(message.to) ? message.to : [message.to];
  return lists.flatMap((list) => list.value.map((entry) => entry.address ?? ""));
}

/** Returns a header exactly as sent, unfolded, because mailparser reshapes List-* headers. */
export function rawHeader(message: ParsedMail, name: string): string | null {
  const line = message.headerLines.find((entry) => entry.key === name.toLowerCase())?.line;
  if (line === undefined) return null;
  return line
    .slice(line.indexOf(":") + 1)
    .replace(/\r?\n[ \t]+/g, " ")
    .trim();
}
