import type { MailMessage } from "./mailer";

export interface MailContent {
  template: string;
  to: string;
  subject: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  /** Closing line, such as how long the link stays valid or what to do if it was not you. */
  footer?: string;
  headers?: Record<string, string>;
}

/** Renders a plain-text and an HTML body from the same content; all text is escaped for HTML. */
export function renderMail(content: MailContent): MailMessage {
  const textParts = [...content.paragraphs];
  if (content.action) textParts.push(`${content.action.label}: ${content.action.url}`);
  if (content.footer) textParts.push(content.footer);
  textParts.push("— FitCoach");

  const htmlParts = content.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`);
  if (content.action) {
    const url = escapeHtml(content.action.url);
    htmlParts.push(
      `<p><a href="${url}" style="display:inline-block;padding:10px 16px;background:#0f766e;color:#ffffff;border-radius:6px;text-decoration:none">${escapeHtml(content.action.label)}</a></p>`,
      `<p style="font-size:12px;color:#555">If the button does not work, open this address: ${url}</p>`,
    );
  }
  if (content.footer)
    htmlParts.push(`<p style="font-size:12px;color:#555">${escapeHtml(content.footer)}</p>`);

  return {
    template: content.template,
    to: content.to,
    subject: content.subject,
    text: textParts.join("\n\n"),
    html: `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">${htmlParts.join("")}<p>— FitCoach</p></body></html>`,
    link: content.action?.url,
    headers: content.headers,
  };
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}
