import type { FastifyRequest } from "fastify";

import { problem } from "./errors";

/**
 * Reads the one file of a multipart upload from the field `file`. Every part is read, so a second
 * file is rejected instead of silently ignored, and a file over the route's size limit gets 413.
 */
export async function readSingleFile(
  request: FastifyRequest,
  tooLargeDetail: string,
): Promise<Buffer> {
  const wrongForm = problem("validation-failed", {
    detail: "Send one file as multipart/form-data in a field named file.",
    errors: [{ field: "file", message: "must be one file" }],
  });
  let content: Buffer | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type !== "file") continue;
      if (part.fieldname !== "file" || content !== null) throw wrongForm;
      content = await part.toBuffer();
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "FST_REQ_FILE_TOO_LARGE") {
      throw problem("payload-too-large", { detail: tooLargeDetail });
    }
    if (code === "FST_FILES_LIMIT" || code === "FST_PARTS_LIMIT") throw wrongForm;
    throw error;
  }
  if (content === null) {
    throw problem("validation-failed", {
      detail: "Send the file as multipart/form-data in a field named file.",
      errors: [{ field: "file", message: "is required" }],
    });
  }
  return content;
}
