import { afterEach, describe, expect, it } from "vitest";
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { focusManager } from "@tanstack/react-query";
import { sendJson } from "@fitcoach/client/test-server";
import type { Notification } from "@fitcoach/contract";

import { createFakeDesktop } from "../../test/fake-desktop";
import { renderApp, stopServers } from "../../test/render-app";
import { noContent, routeTable } from "../../test/route-table";

afterEach(stopServers);

function makeNotification(id: string, overrides: Partial<Notification> = {}): Notification {
  return {
    id,
    kind: "reminder.daily-log",
    title: "Log your day",
    body: "Fill in today's card.",
    url: "/day/2026-03-29",
    createdAt: "2026-03-29T19:00:00.000Z",
    readAt: null,
    ...overrides,
  };
}

const FIRST = "7a8b9c0d-7777-4777-8777-777777777777";
const SECOND = "8b9c0d1e-8888-4888-8888-888888888888";
const OLD = "9c0d1e2f-9999-4999-8999-999999999999";

describe("notifications", () => {
  it("shows the unread count in the bell", async () => {
    await renderApp(
      "/coach/privacy",
      routeTable({ "GET /api/v1/notifications/unread-count": { count: 3 } }),
      { accessToken: "a1", session: "signed-in" },
    );

    const bell = await screen.findByRole("link", { name: "Notifications, 3 unread" });

    expect(bell).toHaveAttribute("href", "/notifications");
    expect(bell).toHaveTextContent("3");
  });

  it("marks one read and deletes another", async () => {
    let items = [
      makeNotification(FIRST),
      makeNotification(OLD, { title: "Drink water", readAt: "2026-03-29T12:00:00.000Z" }),
    ];
    const page = () => ({
      items,
      nextCursor: null,
      unreadCount: items.filter((item) => item.readAt === null).length,
    });
    const app = await renderApp(
      "/notifications",
      routeTable({
        "GET /api/v1/notifications": (_request, response) => sendJson(response, 200, page()),
        "GET /api/v1/notifications/unread-count": (_request, response) =>
          sendJson(response, 200, { count: page().unreadCount }),
        [`POST /api/v1/notifications/${FIRST}/read`]: (request, response) => {
          items = items.map((item) =>
            item.id === FIRST ? { ...item, readAt: "2026-03-29T20:00:00.000Z" } : item,
          );
          noContent(request, response);
        },
        "POST /api/v1/notifications/read-all": { updated: 0 },
        [`DELETE /api/v1/notifications/${OLD}`]: (request, response) => {
          items = items.filter((item) => item.id !== OLD);
          noContent(request, response);
        },
      }),
      { accessToken: "a1", session: "signed-in" },
    );
    const user = userEvent.setup();

    const list = await screen.findByRole("list", { name: "Notifications" });
    await within(list).findByText("Drink water");
    const entries = within(list).getAllByRole("listitem");
    expect(entries[0]).toHaveTextContent("NewLog your day");
    expect(entries[1]).toHaveTextContent("Drink water");
    expect(screen.getByRole("link", { name: "Log your day" })).toHaveAttribute(
      "href",
      "/day/2026-03-29",
    );
    expect(
      await screen.findByRole("link", { name: "Notifications, 1 unread" }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Mark read (Log your day)" }));
    await waitFor(() =>
      expect(screen.queryByRole("button", { name: "Mark read (Log your day)" })).toBeNull(),
    );
    expect(await screen.findByRole("link", { name: "Notifications" })).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Delete (Drink water)" }));
    await waitFor(() => expect(screen.queryByText("Drink water")).toBeNull());

    expect(screen.getByRole("button", { name: "Mark all read" })).toBeDisabled();
    const writes = app.server.requests
      .filter((request) => request.method !== "GET")
      .map((request) => `${request.method} ${request.path}`);
    expect(writes).toEqual([
      `POST /api/v1/notifications/${FIRST}/read`,
      `DELETE /api/v1/notifications/${OLD}`,
    ]);
  });

  it("keeps a control-character link inside the app", async () => {
    const app = await renderApp(
      "/notifications",
      routeTable({
        "GET /api/v1/notifications": {
          items: [
            makeNotification(FIRST, { title: "Tab link", url: "/\t/evil.example/phish" }),
            makeNotification(SECOND, { title: "Newline link", url: "/\n/evil.example/phish" }),
            makeNotification(OLD, { title: "Day link" }),
          ],
          nextCursor: null,
          unreadCount: 3,
        },
      }),
      { accessToken: "a1", session: "signed-in" },
    );
    const user = userEvent.setup();

    await user.click(await screen.findByText("Tab link"));
    await user.click(screen.getByText("Newline link"));

    expect(screen.queryByRole("link", { name: "Tab link" })).toBeNull();
    expect(screen.queryByRole("link", { name: "Newline link" })).toBeNull();
    expect(app.location()).toBe("/notifications");
    await user.click(screen.getByRole("link", { name: "Day link" }));
    await waitFor(() => expect(app.location()).toBe("/day/2026-03-29"));
    expect(screen.getByRole("navigation", { name: "Main" })).toBeInTheDocument();
  });

  it("marks all read", async () => {
    const app = await renderApp(
      "/notifications",
      routeTable({
        "GET /api/v1/notifications": {
          items: [makeNotification(FIRST), makeNotification(SECOND)],
          nextCursor: null,
          unreadCount: 2,
        },
        "POST /api/v1/notifications/read-all": { updated: 2 },
      }),
      { accessToken: "a1", session: "signed-in" },
    );
    const user = userEvent.setup();

    await screen.findByText("Unread: 2");
    await user.click(screen.getByRole("button", { name: "Mark all read" }));

    await waitFor(() =>
      expect(app.server.requests.map((request) => request.path)).toContain(
        "/api/v1/notifications/read-all",
      ),
    );
  });

  it("shows new ones in the desktop shell", async () => {
    const desktop = createFakeDesktop();
    let items = [makeNotification(OLD, { title: "Old reminder" })];
    await renderApp(
      "/coach/privacy",
      routeTable({
        "GET /api/v1/notifications": (_request, response) =>
          sendJson(response, 200, { items, nextCursor: null, unreadCount: items.length }),
        "GET /api/v1/notifications/unread-count": (_request, response) =>
          sendJson(response, 200, { count: items.length }),
      }),
      { accessToken: "a1", session: "signed-in", desktop: desktop.api },
    );
    await screen.findByRole("link", { name: "Notifications, 1 unread" });

    items = [
      makeNotification(SECOND, { title: "Bedtime", body: "Time to wind down." }),
      makeNotification(FIRST, { title: "Drink water", body: "A glass now." }),
      ...items,
    ];
    // The bell refreshes its count when the window regains focus, as it does every minute.
    act(() => {
      focusManager.setFocused(false);
      focusManager.setFocused(true);
    });

    await waitFor(() =>
      expect(desktop.notifications).toEqual([
        { title: "Drink water", body: "A glass now." },
        { title: "Bedtime", body: "Time to wind down." },
      ]),
    );
    expect(screen.getByRole("link", { name: "Notifications, 3 unread" })).toBeInTheDocument();
    act(() => focusManager.setFocused(undefined));
  });
});
