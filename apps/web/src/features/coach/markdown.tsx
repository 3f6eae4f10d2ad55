import DOMPurify from "dompurify";
import { Marked } from "marked";
import { useMemo } from "react";

import { toSafeAppPath } from "../../app/safe-path";

/** Tags the coach's markdown may produce; anything else is removed with its content kept. */
const ALLOWED_TAGS = [
  "p",
  "br",
  "strong",
  "em",
  "del",
  "code",
  "pre",
  "blockquote",
  "ul",
  "ol",
  "li",
  "a",
  "hr",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
];
const ALLOWED_ATTRIBUTES = ["href", "title", "start"];
/** Links may go to web pages, mail addresses and paths of this app, nothing else. */
const ALLOWED_LINK = /^(?:https?:|mailto:|\/(?![/\\]))/i;

const markdown = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  renderer: {
    // Raw HTML in model output is shown as text: the reply is data, not markup.
    html: ({ text }) => escapeHtml(text),
    // Images are dropped because loading an image URL could send data to its host.
    image: ({ text }) => escapeHtml(text),
    // Headings would break the page's outline, so they render as bold paragraphs.
    heading({ tokens }) {
      return `<p><strong>${this.parser.parseInline(tokens)}</strong></p>\n`;
    },
  },
});

const purifier = DOMPurify();
purifier.addHook("afterSanitizeAttributes", (node) => {
  if (node.tagName !== "A") return;
  // Relative links get the app's path check too, which also refuses characters that a URL
  // parser drops or rewrites, such as a tab between two slashes.
  const href = node.getAttribute("href");
  if (href?.startsWith("/") && toSafeAppPath(href) === null) node.removeAttribute("href");
  node.setAttribute("rel", "noopener noreferrer nofollow");
  if (/^https?:/i.test(node.getAttribute("href") ?? "")) node.setAttribute("target", "_blank");
});

/**
 * Turns markdown written by the coach or a model into HTML that is safe to insert: marked renders
 * it with raw HTML escaped, then DOMPurify keeps only the tags and link schemes listed above. No
 * style attributes survive, so the result also passes the strict CSP.
 */
export function renderMarkdown(source: string): string {
  const html = markdown.parse(source) as string;
  return purifier.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ALLOWED_ATTRIBUTES,
    ALLOWED_URI_REGEXP: ALLOWED_LINK,
    ADD_ATTR: ["target", "rel"],
  });
}

/** Renders markdown from the coach through the sanitiser, never as raw HTML. */
export function Markdown(props: { source: string; className?: string }): React.JSX.Element {
  const html = useMemo(() => renderMarkdown(props.source), [props.source]);
  return (
    <div
      className={["markdown", props.className].filter(Boolean).join(" ")}
      // The HTML comes from renderMarkdown, which sanitises it.
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}

function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}
