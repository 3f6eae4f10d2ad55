import { z } from "zod";

/**
 * C0 and C1 control characters except tab, line feed and carriage return. They break logs, CSV
 * exports and terminals, and no keyboard produces them.
 */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/**
 * Unicode bidirectional embeddings, overrides and isolates (U+202A to U+202E, U+2066 to U+2069).
 * They reorder how the surrounding text is displayed, so a name could show as something else.
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;
const LINE_BREAKS = /[\n\r]/;

export interface TextOptions {
  /** Minimum length after normalisation and trimming; 1 reads as "must not be empty". */
  min?: number;
  max: number;
  /** Whether leading and trailing white space is removed before the length checks. */
  trim?: boolean;
}

/**
 * Returns the schema of a one-line text such as a name, tag or title. The value is normalised to
 * Unicode NFC. Line breaks, bidirectional controls and control characters other than tab are
 * rejected with the reason.
 */
export function singleLineText(options: TextOptions): z.ZodString {
  return boundedText(options)
    .refine((value) => !LINE_BREAKS.test(value), { error: "must be a single line" })
    .refine(isFreeOfControls, { error: controlsMessage });
}

/**
 * Returns the schema of free text that may span lines, such as a note. Tabs and line breaks are
 * allowed; other control characters and bidirectional controls are rejected, and the value is
 * normalised to Unicode NFC.
 */
export function multiLineText(options: TextOptions): z.ZodString {
  return boundedText(options).refine(isFreeOfControls, { error: controlsMessage });
}

/**
 * Removes the control and bidirectional characters the text schemas reject, turns line breaks into
 * spaces and normalises to NFC. For text the server builds from input it cannot reject, such as a
 * User-Agent header.
 */
export function toSafeSingleLine(value: string): string {
  return value
    .normalize("NFC")
    .replace(new RegExp(CONTROL_CHARACTERS.source, "g"), "")
    .replace(new RegExp(BIDI_CONTROLS.source, "g"), "")
    .replace(/[\n\r]+/g, " ");
}

const controlsMessage = "must not contain control characters or bidirectional override characters";

function isFreeOfControls(value: string): boolean {
  return !CONTROL_CHARACTERS.test(value) && !BIDI_CONTROLS.test(value);
}

function boundedText(options: TextOptions): z.ZodString {
  let schema = z.string().normalize("NFC");
  if (options.trim) schema = schema.trim();
  if (options.min !== undefined && options.min > 0) {
    schema = schema.min(options.min, {
      error:
        options.min === 1 ? "must not be empty" : `must have at least ${options.min} characters`,
    });
  }
  return schema.max(options.max, { error: `must have at most ${options.max} characters` });
}
