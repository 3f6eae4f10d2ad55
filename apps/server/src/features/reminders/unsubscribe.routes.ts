import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";

import type { Config } from "../../platform/config";
import { problem } from "../../platform/errors";
import { escapeHtml } from "../../platform/mail/render-mail";
import { rateLimitFor } from "../../platform/rate-limit";
import type { RemindersService } from "./reminders.service";
import type { UnsubscribeTokens, UnsubscribeTopic } from "./unsubscribe-token";

const FORM_BODY_LIMIT_BYTES = 1024;

const querystring = z.strictObject({
  token: z.string().min(1).max(300, { error: "must have at most 300 characters" }),
});

/**
 * Registers the unsubscribe address of reminder and summary mails, usable without logging in. GET shows a
 * confirmation page and changes nothing, because mail scanners open links on their own; POST, from
 * that page or from a mail client's one-click button (RFC 8058), turns the mail off.
 */
export async function unsubscribeRoutes(
  app: FastifyInstance,
  deps: { reminders: RemindersService; unsubscribeTokens: UnsubscribeTokens; config: Config },
): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const schema = { tags: ["reminders"], querystring };
  const limited = rateLimitFor(deps.config.rateLimits.api);

  // One-click requests carry "List-Unsubscribe=One-Click" as a form; its content does not matter.
  for (const type of ["application/x-www-form-urlencoded", "multipart/form-data"]) {
    if (app.hasContentTypeParser(type)) continue;
    app.addContentTypeParser(
      type,
      { parseAs: "string", bodyLimit: FORM_BODY_LIMIT_BYTES },
      (_request, body, done) => done(null, body),
    );
  }

  routes.get(
    "/unsubscribe",
    {
      config: limited,
      schema: { ...schema, summary: "Confirmation page of an unsubscribe link" },
    },
    async (request, reply) => {
      const verified = deps.unsubscribeTokens.verify(request.query.token);
      if (!verified) throw invalidLink();
      return sendPage(reply, "Unsubscribe from FitCoach emails", [
        describeTopic(verified.topic),
        '<form method="post"><button type="submit">Unsubscribe</button></form>',
      ]);
    },
  );

  routes.post(
    "/unsubscribe",
    { config: limited, schema: { ...schema, summary: "Turn off the mail of an unsubscribe link" } },
    async (request, reply) => {
      const topic = await deps.reminders.unsubscribe(request.query.token);
      if (!topic) throw invalidLink();
      return sendPage(reply, "You are unsubscribed", [
        describeTopic(topic),
        "<p>You can turn it back on in FitCoach under Settings.</p>",
      ]);
    },
  );
}

function invalidLink(): Error {
  return problem("invalid-token", {
    detail:
      "The unsubscribe link is invalid. Use the link of a recent mail, or change reminders in FitCoach under Settings.",
  });
}

function describeTopic(topic: UnsubscribeTopic): string {
  return topic.kind === "rule"
    ? "<p>This stops the emails of one reminder. The reminder stays in the app's notification list.</p>"
    : "<p>This stops the weekly summary email.</p>";
}

function sendPage(reply: FastifyReply, title: string, parts: string[]): FastifyReply {
  // The token in the address must not leak to other sites through the Referer header.
  return reply
    .header("cache-control", "no-store")
    .header("referrer-policy", "no-referrer")
    .type("text/html; charset=utf-8")
    .send(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1>${parts.join("")}</body></html>`,
    );
}
