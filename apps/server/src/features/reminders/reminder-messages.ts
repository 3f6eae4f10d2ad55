import type { ReminderKind } from "@fitcoach/contract";

import { renderMail } from "../../platform/mail/render-mail";
import type { MailMessage } from "../../platform/mail/mailer";

export interface ReminderText {
  title: string;
  body: string;
  /** Path in the web app that the notification opens. */
  url: string;
}

// NOTE: texts are English only; the user's locale (en, ru, cs) is not applied yet.
/** Returns the words of a reminder. Every kind opens the card of the slot's local date. */
export function reminderText(
  kind: ReminderKind,
  date: string,
  mealType: string | null,
): ReminderText {
  const url = `/day/${date}`;
  switch (kind) {
    case "water":
      return { title: "Time for some water", body: "A glass now keeps you on track.", url };
    case "meal": {
      const meal = mealType ?? "meal";
      return {
        title: `Log your ${meal}`,
        body: `Add what you had for ${meal} to today's card.`,
        url,
      };
    }
    case "workout":
      return { title: "Workout time", body: "Your planned workout starts now.", url };
    case "bedtime":
      return {
        title: "Time to wind down",
        body: "Going to bed at the same time each night helps you recover.",
        url,
      };
    case "weigh-in":
      return { title: "Weigh-in", body: "Step on the scale and log your weight.", url };
    case "daily-log":
      return { title: "Log your day", body: "Take a minute to complete today's card.", url };
  }
}

/** Renders a reminder as email, with a one-click link that stops this rule's emails. */
export function reminderMail(input: {
  to: string;
  text: ReminderText;
  frontendUrl: string;
  unsubscribeUrl: string;
}): MailMessage {
  return renderMail({
    template: "reminder",
    to: input.to,
    subject: input.text.title,
    paragraphs: [input.text.body],
    action: { label: "Open FitCoach", url: `${input.frontendUrl}${input.text.url}` },
    footer:
      "You get this mail because you chose email for this reminder in FitCoach. Unsubscribing moves it to the in-app list.",
    unsubscribeUrl: input.unsubscribeUrl,
  });
}
