import type { DesktopNotification, FitcoachDesktopApi } from "./desktop-api";

/** Limits of the desktop shell in UTF-16 code units, as it counts them; it rejects longer text. */
export const NOTIFICATION_TITLE_MAX_LENGTH = 100;
export const NOTIFICATION_BODY_MAX_LENGTH = 500;

const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]+/g;
const CONTROL_CHARACTERS_EXCEPT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f]+/g;

/**
 * Shows a reminder or another in-app notification as a native notification of the desktop shell,
 * because web push does not reach the shell. The text is cleaned and shortened to what the shell
 * accepts. Resolves to false in a browser, for an empty title, and when the shell's rate limit
 * (five a minute) dropped it, so the caller can show the message in the page instead.
 */
export async function showDesktopNotification(
  desktop: FitcoachDesktopApi | null,
  notification: DesktopNotification,
): Promise<boolean> {
  if (!desktop) return false;

  const title = shorten(
    notification.title.replace(CONTROL_CHARACTERS, " ").trim(),
    NOTIFICATION_TITLE_MAX_LENGTH,
  );
  const body = shorten(
    notification.body.replace(CONTROL_CHARACTERS_EXCEPT_NEWLINE, " ").trim(),
    NOTIFICATION_BODY_MAX_LENGTH,
  );
  if (!title) return false;

  return desktop.notify({ title, body });
}

/** Cuts text to `maxLength` code units with an ellipsis, never inside a surrogate pair. */
export function shorten(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  let shortened = "";
  for (const character of text) {
    if (shortened.length + character.length > maxLength - 1) break;
    shortened += character;
  }
  return `${shortened}…`;
}
