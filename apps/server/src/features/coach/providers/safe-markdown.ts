/** Maximum length of model output kept; longer output is cut here. */
export const MODEL_TEXT_MAX_LENGTH = 20_000;
/** Text a stream holds back while waiting for a tag or link to close; beyond it, text goes out. */
const STREAM_HOLD_MAX_LENGTH = 2_000;

/** Link schemes a reply may keep. Anything else (javascript:, data:, vbscript:, file:) is dropped. */
const SAFE_SCHEMES = new Set(["http", "https", "mailto"]);
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
/** Inline link or image: `[text](url "title")`, allowing one level of parentheses in the URL. */
const INLINE_LINK =
  /(!?)\[([^\]\n]*)\]\(\s*(<[^>\n]*>|(?:[^\s()]|\([^\s()]*\))*)(\s+(?:"[^"\n]*"|'[^'\n]*'))?\s*\)/g;
/** Reference definition `[label]: url "title"` on a line of its own. */
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]\n]+\]:[ \t]*(<[^>\n]*>|\S+)[^\n]*$/gm;
const REFERENCE_IMAGE = /!\[([^\]\n]*)\]\[[^\]\n]*\]/g;
const AUTOLINK = /<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*)>/g;

/**
 * Reduces model output to Markdown that is safe to store and send to any client. HTML (tags,
 * comments, script and style blocks) is removed, and a leftover `<` that could open a tag is
 * escaped. Images become their alt text. Links whose scheme is not http, https or mailto keep only
 * their text. Control and bidirectional override characters are removed. Web clients sanitise
 * again when they render, but native clients may not, so this is their only protection.
 */
export function sanitizeModelMarkdown(text: string): string {
  return neutraliseMarkdown(text.slice(0, MODEL_TEXT_MAX_LENGTH)).trim();
}

function neutraliseMarkdown(text: string): string {
  let result = text.replace(CONTROL_CHARACTERS, "").replace(BIDI_CONTROLS, "");

  result = result
    .replace(REFERENCE_IMAGE, "$1")
    .replace(INLINE_LINK, (match, bang: string, label: string, url: string) => {
      if (bang === "!") return label;
      return isSafeUrl(url.replace(/^<|>$/g, "")) ? match : label;
    })
    .replace(REFERENCE_DEFINITION, (match, url: string) =>
      isSafeUrl(url.replace(/^<|>$/g, "")) ? match : "",
    );

  result = result
    .replace(/<!--[\s\S]*?(?:-->|$)/g, "")
    .replace(/<(script|style|iframe|object|embed|template)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, "")
    .replace(AUTOLINK, (_match, url: string) => (isSafeUrl(url) ? url : ""))
    .replace(/<[!?][^<>]*>/g, "")
    .replace(/<\/?[A-Za-z][^<>]*>/g, "")
    // A `<` that could still open a tag (the tag never closed) is shown as text instead.
    .replace(/<(?=[A-Za-z/!?])/g, "&lt;");

  // Any link target the patterns above did not parse loses its link syntax: CommonMark reads
  // `] (` with a space as text, so an unsafe URL cannot become a link whatever its shape.
  return result.replace(/\]\((?=\s*<?\s*([^)\s>]*))/g, (match, url: string) =>
    isSafeUrl(url) ? match : "] (",
  );
}

/** Returns whether a link target is relative or uses an allowed scheme, after decoding tricks. */
function isSafeUrl(raw: string): boolean {
  const decoded = decodeEntities(raw)
    .replace(/%([0-9a-f]{2})/gi, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/[\u0000-\u0020\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g, "")
    .toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(decoded);
  // Without a scheme the target is relative (or protocol-relative, which browsers resolve to http
  // or https), so it cannot run code.
  return scheme ? SAFE_SCHEMES.has(scheme[1]!) : true;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);?/gi, (_match, hex: string) => safeCharacter(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_match, digits: string) => safeCharacter(parseInt(digits, 10)))
    .replace(/&colon;/gi, ":")
    .replace(/&(tab|newline);/gi, "");
}

function safeCharacter(code: number): string {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
}

/**
 * Sanitises a reply while it streams. Text that could still turn into a tag or a link (an open
 * `<`, `[` or `](`) is held back until it closes, so a construct split across chunks is judged
 * whole. Call `flush` at the end for the rest.
 */
export class MarkdownStreamSanitizer {
  private pending = "";
  private sentLength = 0;

  push(chunk: string): string {
    if (this.sentLength >= MODEL_TEXT_MAX_LENGTH) return "";
    this.pending += chunk;
    const cut =
      this.pending.length > STREAM_HOLD_MAX_LENGTH
        ? this.pending.length
        : safeCutIndex(this.pending);
    return this.release(cut);
  }

  flush(): string {
    return this.release(this.pending.length);
  }

  private release(cut: number): string {
    const ready = this.pending.slice(0, cut);
    this.pending = this.pending.slice(cut);
    const room = MODEL_TEXT_MAX_LENGTH - this.sentLength;
    const output = neutraliseMarkdown(ready.slice(0, Math.max(room, 0)));
    this.sentLength += ready.length;
    return output;
  }
}

/** Returns the index up to which text can go out without splitting a tag, comment or link. */
function safeCutIndex(text: string): number {
  let cut = text.length;

  const openTag = text.lastIndexOf("<");
  if (openTag >= 0 && !text.includes(">", openTag)) cut = Math.min(cut, openTag);
  const openComment = text.lastIndexOf("<!--");
  if (openComment >= 0 && !text.includes("-->", openComment)) cut = Math.min(cut, openComment);
  const openBlock = /<(script|style|iframe|object|embed|template)\b(?![\s\S]*<\/\1)/i.exec(text);
  if (openBlock) cut = Math.min(cut, openBlock.index);

  const openBracket = text.lastIndexOf("[");
  if (openBracket >= 0) {
    const rest = text.slice(openBracket);
    const isClosedLink = /^\[[^\]]*\](?:\((?:[^()]|\([^()]*\))*\)|:[^\n]*\n|[^(:[])/.test(rest);
    if (!isClosedLink) cut = Math.min(cut, withImageMark(text, openBracket));
  }
  const openTarget = /\]\((?:[^()]|\([^()]*\))*$/.exec(text);
  if (openTarget) {
    const label = text.lastIndexOf("[", openTarget.index);
    cut = Math.min(cut, label >= 0 ? withImageMark(text, label) : openTarget.index);
  }
  // A trailing `!` may start an image.
  if (text.endsWith("!")) cut = Math.min(cut, text.length - 1);
  // A trailing `&` may start an entity.
  const ampersand = text.lastIndexOf("&");
  if (ampersand >= 0 && /^&#?[0-9a-z]*$/i.test(text.slice(ampersand)))
    cut = Math.min(cut, ampersand);
  return cut;
}

function withImageMark(text: string, bracket: number): number {
  return bracket > 0 && text[bracket - 1] === "!" ? bracket - 1 : bracket;
}
