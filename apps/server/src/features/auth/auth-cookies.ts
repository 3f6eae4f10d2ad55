import type { FastifyReply, FastifyRequest } from "fastify";
import { DEVICE_COOKIE, REFRESH_COOKIE, WEB_CLIENT_HEADER } from "@fitcoach/contract";

import type { Config } from "../../platform/config";
import { problem } from "../../platform/errors";

const COOKIE_PATH = "/api/v1/auth";
const DEVICE_COOKIE_DAYS = 365;

export type ClientType = "web" | "native";

/** Native apps identify themselves with `X-Client-Type: native`; everything else is a browser. */
export function clientTypeOf(request: FastifyRequest): ClientType {
  return request.headers["x-client-type"] === "native" ? "native" : "web";
}

function cookieOptions(
  config: Config,
  maxAgeSeconds: number,
): Parameters<FastifyReply["setCookie"]>[2] {
  return {
    httpOnly: true,
    secure: config.env !== "development",
    sameSite: "strict",
    path: COOKIE_PATH,
    maxAge: maxAgeSeconds,
  };
}

export function setRefreshCookie(
  reply: FastifyReply,
  config: Config,
  token: string,
  expiresAt: Date,
  now: Date,
): void {
  const maxAge = Math.max(1, Math.floor((expiresAt.getTime() - now.getTime()) / 1000));
  reply.setCookie(REFRESH_COOKIE, token, cookieOptions(config, maxAge));
}

export function clearRefreshCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(REFRESH_COOKIE, cookieOptions(config, 0));
}

export function setDeviceCookie(reply: FastifyReply, config: Config, token: string): void {
  reply.setCookie(DEVICE_COOKIE, token, cookieOptions(config, DEVICE_COOKIE_DAYS * 86_400));
}

/**
 * Guards routes that act on the refresh cookie against cross-site requests. SameSite=Strict
 * already keeps the cookie off cross-site requests; on top, the web client's custom header forces
 * a CORS preflight, and an Origin header, when sent, must be one of ours.
 */
export function assertSameSiteWebRequest(request: FastifyRequest, config: Config): void {
  if (request.headers[WEB_CLIENT_HEADER] !== "web") {
    throw problem("forbidden", {
      detail: `Cookie-based calls need the ${WEB_CLIENT_HEADER}: web header.`,
    });
  }
  const origin = request.headers.origin;
  if (origin === undefined) return;
  const allowed = new Set([...config.corsOrigins, new URL(config.frontendUrl).origin]);
  if (!allowed.has(origin))
    throw problem("forbidden", {
      detail: "Requests from this origin may not use the session cookie.",
    });
}
