import type { ServerResponse } from "node:http";
import { sendJson, sendProblem, startTestServer } from "@fitcoach/client/test-server";
import type { RecordedRequest, TestServer } from "@fitcoach/client/test-server";
import type { DayCard, Me, ReminderRule, WaterEntry } from "@fitcoach/contract";

/** Handler of one scripted request. */
export type ScriptedRoute = (request: RecordedRequest, response: ServerResponse) => void;

/**
 * Starts a loopback HTTP server that responds like the FitCoach API from a script, for screen tests
 * that need exact responses (a 2FA challenge, a 412) rather than a whole server.
 */
export async function startScriptedApi(
  routes: Record<string, ScriptedRoute>,
): Promise<ScriptedApi> {
  let isDown = false;
  const answered: RecordedRequest[] = [];
  const server = await startTestServer((request, response) => {
    if (isDown) {
      // A dropped connection is what the app gets in airplane mode.
      response.socket?.destroy();
      return;
    }
    answered.push(request);
    const pathname = request.path.split("?")[0]!;
    const route =
      routes[`${request.method} ${pathname}`] ?? prefixRoute(routes, request.method, pathname);
    if (route) return route(request, response);
    sendProblem(response, 404, "not-found", { detail: `No scripted answer for ${pathname}.` });
  });
  return Object.assign(server, {
    answered,
    setDown(down: boolean) {
      isDown = down;
    },
  });
}

/** Finds a route written as "GET /api/v1/days/*", which handles every path below the star. */
function prefixRoute(
  routes: Record<string, ScriptedRoute>,
  method: string,
  pathname: string,
): ScriptedRoute | undefined {
  for (const [key, route] of Object.entries(routes)) {
    if (!key.endsWith("*")) continue;
    const [routeMethod, routePath] = key.slice(0, -1).split(" ");
    if (routeMethod === method && pathname.startsWith(routePath!)) return route;
  }
  return undefined;
}

export interface ScriptedApi extends TestServer {
  /** Requests that reached a route, leaving out those dropped while the network was down. */
  answered: RecordedRequest[];
  /** Drops every connection while true, as a phone without network would see it. */
  setDown(isDown: boolean): void;
}

export { sendJson, sendProblem };

/** A verified user's profile as GET /me returns it. */
export function testMe(overrides: Partial<Me> = {}): Me {
  return {
    id: "0b5d2c4e-6f1a-4c3b-9d2e-7a8b9c0d1e2f",
    email: "anna@example.com",
    emailVerified: true,
    role: "user",
    name: "Anna",
    timeZone: "Europe/Prague",
    units: "metric",
    locale: "en",
    birthDate: null,
    sex: null,
    heightCm: 170,
    activityLevel: null,
    waterGoalMl: 2500,
    weekStartsOn: "monday",
    twoFactorEnabled: false,
    createdAt: "2026-03-01T08:00:00.000Z",
    restrictions: [],
    ...overrides,
  };
}

/** Access and refresh tokens a native login receives, long enough for the token schemas. */
export const TEST_TOKENS = {
  accessToken: "access-token-for-screen-tests",
  refreshToken: "refresh-token-for-screen-tests",
  deviceToken: "device-token-for-screen-tests",
};

/** Routes for what the signed-in screens load at start. */
export function signedInRoutes(me: Me = testMe()): Record<string, ScriptedRoute> {
  return {
    "POST /api/v1/auth/login": (_request, response) =>
      sendJson(response, 200, { ...TEST_TOKENS, tokenType: "Bearer", expiresIn: 900 }),
    "GET /api/v1/me": (_request, response) => sendJson(response, 200, me),
    "GET /api/v1/reminders/rules": (_request, response) => sendJson(response, 200, { items: [] }),
    "GET /api/v1/reminders/settings": (_request, response) =>
      sendJson(response, 200, {
        quietHours: { enabled: true, start: "22:00", end: "07:00" },
        weeklySummary: false,
        version: 1,
      }),
    "GET /api/v1/me/sessions": (_request, response) => sendJson(response, 200, { items: [] }),
    "GET /api/v1/exercises": (_request, response) =>
      sendJson(response, 200, { items: [], nextCursor: null }),
    "GET /api/v1/custom-foods": (_request, response) =>
      sendJson(response, 200, { items: [], nextCursor: null }),
    ...waterRoutes([]),
  };
}

/** A daily bedtime reminder at 22:30 as the rules API returns it. */
export function bedtimeRule(overrides: Partial<ReminderRule> = {}): ReminderRule {
  return {
    id: "3f0c8d1e-2b4a-4c6d-8e9f-0a1b2c3d4e5f",
    kind: "bedtime",
    enabled: true,
    channel: "in-app",
    weekdays: [1, 2, 3, 4, 5, 6, 7],
    time: "22:30",
    startTime: null,
    endTime: null,
    intervalMinutes: null,
    mealType: null,
    nextAt: null,
    version: 1,
    createdAt: "2026-03-01T08:00:00.000Z",
    updatedAt: "2026-03-01T08:00:00.000Z",
    ...overrides,
  };
}

/** An empty day card as GET /days/:date returns it, with the given water entries. */
export function testDay(date: string, water: WaterEntry[] = []): DayCard {
  return {
    date,
    timeZone: "Europe/Prague",
    version: 0,
    tags: [],
    note: "",
    wellness: { score: null, components: [], explanation: "Nothing logged yet." },
    effort: { score: 0, load: 0, workouts: 0, explanation: "No workouts." },
    meals: [],
    totals: {
      kcal: null,
      protein: null,
      carbs: null,
      fat: null,
      fiber: null,
      sugar: null,
      sodiumMg: null,
      saturatedFat: null,
      incomplete: [],
    },
    workouts: [],
    water: {
      totalMl: water.reduce((sum, entry) => sum + entry.ml, 0),
      goalMl: 2500,
      entries: water,
    },
    sleep: [],
    mood: [],
    body: [],
    weight: null,
    steps: { total: 0, entries: [] },
    goals: [],
  };
}

/**
 * Serves the day card and water entries from one list kept in memory, as the server would, so a
 * test can check exactly which water entries arrived.
 */
export function waterRoutes(entries: WaterEntry[]): Record<string, ScriptedRoute> {
  return {
    "GET /api/v1/days/*": (request, response) => {
      const date = request.path.split("?")[0]!.split("/").pop()!;
      sendJson(
        response,
        200,
        testDay(
          date,
          entries.filter((entry) => entry.date === date),
        ),
      );
    },
    "POST /api/v1/water": (request, response) => {
      const body = JSON.parse(request.body) as { date: string; ml: number };
      const now = new Date().toISOString();
      const entry: WaterEntry = {
        id: `7c9e6679-7425-40de-944b-e07fc1f9${String(entries.length).padStart(4, "0")}`,
        date: body.date,
        ml: body.ml,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      entries.push(entry);
      sendJson(response, 201, entry, { etag: '"v1"', location: `/api/v1/water/${entry.id}` });
    },
  };
}
