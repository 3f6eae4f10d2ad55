import type { ServerResponse } from "node:http";
import { sendJson, sendProblem } from "@fitcoach/client/test-server";
import type { RecordedRequest, TestHandler } from "@fitcoach/client/test-server";

import { makeMe } from "./make-me";

export type Route = (request: RecordedRequest, response: ServerResponse) => void | Promise<void>;

/**
 * Builds a loopback handler from a table keyed "METHOD /path". A key without a query matches the
 * path with any query, and a key with one must match exactly. A key ending in "*" matches every
 * path that starts with the rest. A value that is not a function is sent as a 200 JSON body. The shell's own reads (profile, unread count) are answered unless the table
 * sets them, and anything else gets 404.
 */
export function routeTable(table: Record<string, Route | object>): TestHandler {
  const defaults: Record<string, Route | object> = {
    "GET /api/v1/me": makeMe(),
    "GET /api/v1/notifications/unread-count": { count: 0 },
  };
  const routes = { ...defaults, ...table };

  return async (request, response) => {
    const withQuery = `${request.method} ${request.path}`;
    const withoutQuery = `${request.method} ${request.path.split("?")[0]}`;
    const prefixKey = Object.keys(routes).find(
      (key) => key.endsWith("*") && withoutQuery.startsWith(key.slice(0, -1)),
    );
    const route = routes[withQuery] ?? routes[withoutQuery] ?? (prefixKey && routes[prefixKey]);
    if (!route) return sendProblem(response, 404, "not-found");
    if (typeof route === "function") return (route as Route)(request, response);
    sendJson(response, 200, route);
  };
}

/** Sends 204 with no body. */
export function noContent(_request: RecordedRequest, response: ServerResponse): void {
  response.writeHead(204);
  response.end();
}

/** Returns the parsed JSON bodies of the recorded requests to "METHOD /path" (query ignored). */
export function bodiesOf(requests: RecordedRequest[], key: string): unknown[] {
  return requests
    .filter((request) => `${request.method} ${request.path.split("?")[0]}` === key)
    .map((request) => (request.body ? JSON.parse(request.body) : null));
}
