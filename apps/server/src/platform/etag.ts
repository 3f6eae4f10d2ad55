import type { FastifyReply, FastifyRequest } from "fastify";

import { problem } from "./errors";

/**
 * Optimistic concurrency for edits. Every editable row has an integer `version`; responses carry it
 * as a strong ETag, and a PATCH or DELETE with If-Match succeeds only while the version is
 * unchanged, so two devices cannot silently overwrite each other. Without If-Match the edit
 * applies to the current version.
 */
export function etagFor(version: number): string {
  return `"v${version}"`;
}

export function setEtag(reply: FastifyReply, version: number): void {
  reply.header("etag", etagFor(version));
}

/** Returns the version an If-Match header requests, or null when the header is absent or `*`. */
export function expectedVersion(request: FastifyRequest): number | null {
  const header = request.headers["if-match"];
  if (header === undefined || header.trim() === "*") return null;
  // If-Match compares strongly (RFC 9110, section 13.1.1), so a weak tag never matches.
  if (/^\s*W\//.test(header)) {
    throw problem("precondition-failed", {
      detail: 'If-Match needs the strong ETag this API returned, such as "v3", not a weak one.',
    });
  }
  const match = /^\s*"v(\d{1,9})"\s*$/.exec(header);
  if (!match) {
    throw problem("precondition-failed", {
      detail: 'If-Match must be an ETag this API returned, such as "v3".',
    });
  }
  return Number(match[1]);
}

export function versionConflict(what: string): Error {
  return problem("precondition-failed", {
    detail: `${what} was changed by another request; reload it and apply your change again.`,
  });
}
