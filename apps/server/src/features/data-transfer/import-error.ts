/**
 * A problem with the content of an imported file. Its message is shown to the user as the
 * import's error, so it names the row or field and what was expected.
 */
export class ImportError extends Error {
  override readonly name = "ImportError";
}
