import type { MailAttachment, MailMessage } from "./mailer";

export interface MailContent {
  template: string;
  to: string;
  subject: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  /** Closing line, such as how long the link stays valid or what to do if it was not you. */
  footer?: string;
  headers?: Record<string, string>;
  /** An image shown after the paragraphs; its attachment must carry the same `cid`. */
  image?: { cid: string; alt: string; width: number; height: number };
  attachments?: MailAttachment[];
  /**
   * One-click unsubscribe address (RFC 8058). It is linked at the bottom of the message and sent
   * in the List-Unsubscribe and List-Unsubscribe-Post headers, so mail clients offer the button.
   */
  unsubscribeUrl?: string;
}

/** Renders a plain-text and an HTML body from the same content; all text is escaped for HTML. */
export function renderMail(content: MailContent): MailMessage {
  const headers = { ...content.headers };
  if (content.unsubscribeUrl) {
    headers["List-Unsubscribe"] = `<${content.unsubscribeUrl}>`;
    headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
  }

  return {
    template: content.template,
    to: content.to,
    subject: content.subject,
    text: renderText(content),
    html: renderHtml(content),
    link: content.action?.url,
    headers: Object.keys(headers).length > 0 ? headers : undefined,
    attachments: content.attachments,
  };
}

function renderText(content: MailContent): string {
  const parts = [...content.paragraphs];
  if (content.action) parts.push(`${content.action.label}: ${content.action.url}`);
  if (content.footer) parts.push(content.footer);
  parts.push("— FitCoach");
  if (content.unsubscribeUrl) parts.push(`Unsubscribe: ${content.unsubscribeUrl}`);
  return parts.join("\n\n");
}

function renderHtml(content: MailContent): string {
  const parts = content.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`);
  if (content.image) {
    const { cid, alt, width, height } = content.image;
    parts.push(
      `<p><img src="cid:${escapeHtml(cid)}" alt="${escapeHtml(alt)}" width="${width}" height="${height}"></p>`,
    );
  }
  if (content.action) {
    const url = escapeHtml(content.action.url);
    parts.push(
      `<p><a href="${url}" style="display:inline-block;padding:10px 16px;background:#0f766e;color:#ffffff;border-radius:6px;text-decoration:none">${escapeHtml(content.action.label)}</a></p>`,
      `<p style="font-size:12px;color:#555">If the button does not work, open this address: ${url}</p>`,
    );
  }
  if (content.footer)
    parts.push(`<p style="font-size:12px;color:#555">${escapeHtml(content.footer)}</p>`);
  parts.push("<p>— FitCoach</p>");
  if (content.unsubscribeUrl) {
    parts.push(
      `<p style="font-size:12px;color:#555"><a href="${escapeHtml(content.unsubscribeUrl)}">Unsubscribe</a></p>`,
    );
  }
  return `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">${parts.join("")}</body></html>`;
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}
