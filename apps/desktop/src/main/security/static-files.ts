import { readFile, stat } from "node:fs/promises";
import path from "node:path";

import { injectPolicyMetaTag, serializePolicy } from "./content-security-policy";
import type { PolicyDirectives } from "./content-security-policy";

/** Response for a request to the packaged pages, independent of Electron so tests can serve it. */
export interface StaticResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer | null;
}

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".txt": "text/plain; charset=utf-8",
  ".wasm": "application/wasm",
};

/**
 * Serves one file from a folder of built pages. Paths without a file extension fall back to
 * index.html so client-side routes such as /today load the app; HTML gets the policy as a meta tag
 * as well as a header.
 */
export async function readStaticFile(
  root: string,
  method: string,
  pathname: string,
  policy: PolicyDirectives,
): Promise<StaticResponse> {
  const headers = {
    "content-security-policy": serializePolicy(policy),
    "x-content-type-options": "nosniff",
    "cache-control": "no-cache",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
  };
  if (method !== "GET" && method !== "HEAD") {
    return { status: 405, headers: { ...headers, allow: "GET, HEAD" }, body: null };
  }

  const filePath = await findFile(root, pathname);
  if (filePath === null) return { status: 404, headers, body: null };

  const extension = path.extname(filePath).toLowerCase();
  const contentType = CONTENT_TYPES[extension] ?? "application/octet-stream";
  let body = await readFile(filePath);
  if (extension === ".html") {
    body = Buffer.from(injectPolicyMetaTag(body.toString("utf8"), policy), "utf8");
  }
  return {
    status: 200,
    headers: { ...headers, "content-type": contentType },
    body: method === "HEAD" ? null : body,
  };
}

/** Resolves a URL path to a file inside root, or null; paths that escape root resolve to null. */
async function findFile(root: string, pathname: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes("\0") || decoded.includes("\\")) return null;

  const rootPath = path.resolve(root);
  const candidate = path.resolve(rootPath, `.${path.posix.normalize(`/${decoded}`)}`);
  if (candidate !== rootPath && !candidate.startsWith(rootPath + path.sep)) return null;

  if (await isFile(candidate)) return candidate;
  const index = path.join(candidate, "index.html");
  if (await isFile(index)) return index;
  if (path.extname(candidate) === "") {
    const appIndex = path.join(rootPath, "index.html");
    if (await isFile(appIndex)) return appIndex;
  }
  return null;
}

async function isFile(filePath: string): Promise<boolean> {
  try {
    return (await stat(filePath)).isFile();
  } catch {
    return false;
  }
}
