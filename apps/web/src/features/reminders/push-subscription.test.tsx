import { afterEach, describe, expect, it } from "vitest";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createApiClient, createMemoryTokenStore } from "@fitcoach/client";
import type { ApiClient } from "@fitcoach/client";
import { sendJson, startTestServer } from "@fitcoach/client/test-server";
import type { TestServer } from "@fitcoach/client/test-server";

import { renderApp, stopServers } from "../../test/render-app";
import { bodiesOf, noContent, routeTable } from "../../test/route-table";
import {
  decodeBase64Url,
  PushPermissionError,
  releaseSubscriptionAtLogout,
  resyncSubscription,
  subscribeThisDevice,
  thisDeviceSubscriptionId,
} from "./push-subscription";
import type { PushEnvironment } from "./push-subscription";
import { PUSH_SUBSCRIPTION_CHANGED } from "./push-sync";

/** A P-256 public key in base64url: 65 bytes, starting with 0x04 as uncompressed keys do. */
const PUBLIC_KEY = `BA${"A".repeat(85)}`;
const KEYS = { p256dh: `BB${"C".repeat(85)}`, auth: "AAAAAAAAAAAAAAAAAAAAAA" };
const VIEW = {
  id: "6f708192-6666-4666-8666-666666666666",
  deviceLabel: "Chromium on Linux",
  createdAt: "2026-03-29T10:00:00.000Z",
  lastSuccessAt: null,
};

interface FakeSubscription {
  endpoint: string;
  options: { applicationServerKey: ArrayBuffer | null };
  toJSON(): PushSubscriptionJSON;
  unsubscribe(): Promise<boolean>;
}

/** Stands in for the browser's service worker container, registration and push manager. */
function fakePush(options: { permission?: NotificationPermission; subscription?: string } = {}) {
  const subscribed: { userVisibleOnly: boolean; key: Uint8Array }[] = [];
  let current: FakeSubscription | null = null;
  function makeSubscription(endpoint: string, key: Uint8Array): FakeSubscription {
    return {
      endpoint,
      options: { applicationServerKey: key.slice().buffer },
      toJSON: () => ({ endpoint, expirationTime: null, keys: KEYS }),
      unsubscribe: async () => {
        current = null;
        return true;
      },
    };
  }
  if (options.subscription) {
    current = makeSubscription(options.subscription, decodeBase64Url(PUBLIC_KEY));
  }
  const pushManager = {
    getSubscription: async () => current,
    async subscribe(request: { userVisibleOnly: boolean; applicationServerKey: Uint8Array }) {
      subscribed.push({
        userVisibleOnly: request.userVisibleOnly,
        key: request.applicationServerKey,
      });
      current = makeSubscription(
        `https://push.example.net/send/${subscribed.length}`,
        request.applicationServerKey,
      );
      return current;
    },
  };
  const container = Object.assign(new EventTarget(), {
    getRegistration: async () => ({ pushManager }),
  });
  const environment: PushEnvironment = {
    serviceWorker: container as unknown as ServiceWorkerContainer,
    notification: {
      permission: options.permission ?? "granted",
      requestPermission: async () => options.permission ?? "granted",
    },
  };
  return { environment, container, subscribed };
}

let server: TestServer | null = null;

afterEach(async () => {
  await server?.close();
  server = null;
  await stopServers();
  delete (navigator as { serviceWorker?: unknown }).serviceWorker;
});

async function apiFor(
  extraRoutes: Parameters<typeof routeTable>[0] = {},
): Promise<{ api: ApiClient; server: TestServer }> {
  server = await startTestServer(
    routeTable({
      "GET /api/v1/push/public-key": { publicKey: PUBLIC_KEY },
      "POST /api/v1/push/subscriptions": (_request, response) => sendJson(response, 201, VIEW),
      ...extraRoutes,
    }),
  );
  const api = createApiClient({
    platform: "web",
    baseUrl: server.url,
    tokenStore: createMemoryTokenStore({ accessToken: "a1" }),
  });
  return { api, server };
}

describe("web push subscription", () => {
  it("subscribes with the server key", async () => {
    const { api, server: apiServer } = await apiFor();
    const push = fakePush();

    const view = await subscribeThisDevice(api, push.environment);

    expect(view).toEqual(VIEW);
    expect(push.subscribed).toHaveLength(1);
    expect(push.subscribed[0]!.userVisibleOnly).toBe(true);
    expect(push.subscribed[0]!.key).toEqual(decodeBase64Url(PUBLIC_KEY));
    expect(push.subscribed[0]!.key).toHaveLength(65);
    expect(bodiesOf(apiServer.requests, "POST /api/v1/push/subscriptions")).toEqual([
      { endpoint: "https://push.example.net/send/1", expirationTime: null, keys: KEYS },
    ]);
    expect(thisDeviceSubscriptionId()).toBe(VIEW.id);
  });

  it("stops when permission is denied", async () => {
    const { api, server: apiServer } = await apiFor();
    const push = fakePush({ permission: "denied" });

    const error = await subscribeThisDevice(api, push.environment).catch(
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(PushPermissionError);
    expect((error as PushPermissionError).permission).toBe("denied");
    expect(push.subscribed).toEqual([]);
    expect(apiServer.requests).toEqual([]);
  });

  it("renews a dropped subscription", async () => {
    const { api, server: apiServer } = await apiFor();
    const push = fakePush();
    await subscribeThisDevice(api, push.environment);
    await (await push.environment.serviceWorker!.getRegistration("/"))!.pushManager
      .getSubscription()
      .then((subscription) => subscription?.unsubscribe());

    const isRenewed = await resyncSubscription(api, push.environment);

    expect(isRenewed).toBe(true);
    expect(push.subscribed).toHaveLength(2);
    const endpoints = bodiesOf(apiServer.requests, "POST /api/v1/push/subscriptions").map(
      (body) => (body as { endpoint: string }).endpoint,
    );
    expect(endpoints).toEqual([
      "https://push.example.net/send/1",
      "https://push.example.net/send/2",
    ]);
  });

  it("leaves a browser that never subscribed alone", async () => {
    const { api, server: apiServer } = await apiFor();
    const push = fakePush();

    const isRenewed = await resyncSubscription(api, push.environment);

    expect(isRenewed).toBe(false);
    expect(push.subscribed).toEqual([]);
    expect(apiServer.requests).toEqual([]);
  });

  it("re-registers when the worker reports a change", async () => {
    const push = fakePush({ subscription: "https://push.example.net/send/replaced" });
    Object.defineProperty(navigator, "serviceWorker", {
      value: push.environment.serviceWorker,
      configurable: true,
    });
    const app = await renderApp(
      "/notifications",
      routeTable({
        "GET /api/v1/notifications": { items: [], nextCursor: null, unreadCount: 0 },
        "POST /api/v1/push/subscriptions": (_request, response) => sendJson(response, 201, VIEW),
      }),
      { accessToken: "a1", session: "signed-in" },
    );
    await screen.findByText("No notifications.");
    expect(bodiesOf(app.server.requests, "POST /api/v1/push/subscriptions")).toEqual([]);

    push.container.dispatchEvent(
      new MessageEvent("message", { data: { type: PUSH_SUBSCRIPTION_CHANGED } }),
    );

    await waitFor(() =>
      expect(bodiesOf(app.server.requests, "POST /api/v1/push/subscriptions")).toEqual([
        { endpoint: "https://push.example.net/send/replaced", expirationTime: null, keys: KEYS },
      ]),
    );
  });

  it("logout removes the subscription everywhere", async () => {
    const { api, server: apiServer } = await apiFor({
      "DELETE /api/v1/push/subscriptions": noContent,
    });
    const push = fakePush();
    await subscribeThisDevice(api, push.environment);

    await releaseSubscriptionAtLogout(push.environment, api);

    expect(bodiesOf(apiServer.requests, "DELETE /api/v1/push/subscriptions")).toEqual([
      { endpoint: "https://push.example.net/send/1" },
    ]);
    const registration = await push.environment.serviceWorker!.getRegistration("/");
    expect(await registration!.pushManager.getSubscription()).toBeNull();
    expect(thisDeviceSubscriptionId()).toBeNull();
  });

  it("logout ends it locally when the server fails", async () => {
    const { api } = await apiFor({
      "DELETE /api/v1/push/subscriptions": (_request, response) =>
        sendJson(response, 503, { status: 503 }),
    });
    const push = fakePush();
    await subscribeThisDevice(api, push.environment);

    await releaseSubscriptionAtLogout(push.environment, api);

    const registration = await push.environment.serviceWorker!.getRegistration("/");
    expect(await registration!.pushManager.getSubscription()).toBeNull();
    expect(thisDeviceSubscriptionId()).toBeNull();
    expect(await resyncSubscription(api, push.environment)).toBe(false);
  });

  it("log out button unsubscribes before logging out", async () => {
    const push = fakePush({ subscription: "https://push.example.net/send/a" });
    Object.defineProperty(navigator, "serviceWorker", {
      value: push.environment.serviceWorker,
      configurable: true,
    });
    const app = await renderApp(
      "/settings",
      routeTable({
        "GET /api/v1/me/sessions": { items: [] },
        "DELETE /api/v1/push/subscriptions": noContent,
        "POST /api/v1/auth/logout": noContent,
      }),
      { accessToken: "a1", session: "signed-in" },
    );
    const user = userEvent.setup();

    await user.click(await screen.findByRole("button", { name: "Log out" }));

    expect(await screen.findByRole("heading", { name: "Log in" })).toBeInTheDocument();
    const writes = app.server.requests
      .filter((request) => request.method !== "GET")
      .map((request) => `${request.method} ${request.path}`);
    expect(writes).toEqual(["DELETE /api/v1/push/subscriptions", "POST /api/v1/auth/logout"]);
    expect(bodiesOf(app.server.requests, "DELETE /api/v1/push/subscriptions")).toEqual([
      { endpoint: "https://push.example.net/send/a" },
    ]);
    const registration = await push.environment.serviceWorker!.getRegistration("/");
    expect(await registration!.pushManager.getSubscription()).toBeNull();
  });

  it("forced logout ends it locally", async () => {
    const push = fakePush({ subscription: "https://push.example.net/send/a" });
    Object.defineProperty(navigator, "serviceWorker", {
      value: push.environment.serviceWorker,
      configurable: true,
    });
    const app = await renderApp(
      "/notifications",
      routeTable({
        "GET /api/v1/notifications": { items: [], nextCursor: null, unreadCount: 0 },
      }),
      { accessToken: "a1", session: "signed-in" },
    );
    await screen.findByText("No notifications.");

    await app.api.endSession("session-ended");

    const registration = await push.environment.serviceWorker!.getRegistration("/");
    await waitFor(async () => expect(await registration!.pushManager.getSubscription()).toBeNull());
    expect(app.server.requests.filter((request) => request.method === "DELETE")).toEqual([]);
  });
});
