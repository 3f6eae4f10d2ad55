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
  const textParts = [...content.paragraphs];
  if (content.action) textParts.push(`${content.action.label}: ${content.action.url}`);
  if (content.footer) textParts.push(content.footer);
  textParts.push("— FitCoach");
  if (content.unsubscribeUrl) textParts.push(`Unsubscribe: ${content.unsubscribeUrl}`);

  const htmlParts = content.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`);
  if (content.image) {
    const { cid, alt, width, height } = content.image;
    htmlParts.push(
      `<p><img src="cid:${escapeHtml(cid)}" alt="${escapeHtml(alt)}" width="${width}" height="${height}"></p>`,
    );
  }
  if (content.action) {
    const url = escapeHtml(content.action.url);
    htmlParts.push(
      `<p><a href="${url}" style="display:inline-block;padding:10px 16px;background:#0f766e;color:#ffffff;border-radius:6px;text-decoration:none">${escapeHtml(content.action.label)}</a></p>`,
      `<p style="font-size:12px;color:#555">If the button does not work, open this address: ${url}</p>`,
    );
  }
  if (content.footer)
    htmlParts.push(`<p style="font-size:12px;color:#555">${escapeHtml(content.footer)}</p>`);
  htmlParts.push("<p>— FitCoach</p>");
  if (content.unsubscribeUrl) {
    htmlParts.push(
      `<p style="font-size:12px;color:#555"><a href="${escapeHtml(content.unsubscribeUrl)}">Unsubscribe</a></p>`,
    );
  }

  const headers = { ...content.headers };
  if (content.unsubscribeUrl) {
    headers["List-Unsubscribe"] = `<${content.unsubscribeUrl}>`;
    headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
  }

  return {
    template: content.template,
    to: content.to,
    subject: content.subject,
    text: textParts.join("\n\n"),
    html: `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">${htmlParts.join("")}</body></html>`,
    link: content.action?.url,
    headers: Object.keys(headers).length > 0 ? headers : undefined,
    attachments: content.attachments,
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
