import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ManualClock } from "../../platform/clock";
import { createTestApp } from "../../../test/helpers/app";
import type { TestApp } from "../../../test/helpers/app";
import { bearer } from "../../../test/helpers/auth";
import { createReminderUser, notificationCount } from "../../../test/helpers/reminders";
import type { ReminderUser } from "../../../test/helpers/reminders";

describe("notification routes", () => {
  const clock = new ManualClock("2026-06-01T10:00:00Z");
  let subject: TestApp;

  beforeAll(async () => {
    subject = await createTestApp({ clock });
  });

  afterAll(async () => {
    await subject.close();
  });

  /** Adds notifications one minute apart, oldest first; returns their ids in that order. */
  async function addNotifications(user: ReminderUser, titles: string[]): Promise<string[]> {
    const ids: string[] = [];
    for (const title of titles) {
      clock.advance(60_000);
      ids.push(
        await subject.app.services.notifications.create(subject.deps.database.db, user.id, {
          kind: "reminder.water",
          title,
          body: "A glass now keeps you on track.",
          url: "/day/2026-06-01",
        }),
      );
    }
    return ids;
  }

  function call(user: ReminderUser, method: "GET" | "POST" | "DELETE", url: string) {
    return subject.app.inject({
      method,
      url: `/api/v1/notifications${url}`,
      headers: bearer(user.accessToken),
    });
  }

  it("lists unread first, then newest first", async () => {
    const user = await createReminderUser(subject);
    const [first, second, third] = await addNotifications(user, ["one", "two", "three"]);

    const marked = await call(user, "POST", `/${third}/read`);
    const page = await call(user, "GET", "?limit=2");
    const next = await call(user, "GET", `?limit=2&cursor=${page.json().nextCursor}`);

    expect(marked.statusCode).toBe(204);
    expect(page.json().items.map((item: { id: string }) => item.id)).toEqual([second, first]);
    expect(page.json().unreadCount).toBe(2);
    expect(next.json().items.map((item: { id: string }) => item.id)).toEqual([third]);
    expect(next.json().items[0].readAt).toBe(clock.now().toISOString());
    expect(next.json().nextCursor).toBeNull();
  });

  it("counts and marks all read", async () => {
    const user = await createReminderUser(subject);
    await addNotifications(user, ["one", "two"]);

    const before = await call(user, "GET", "/unread-count");
    const marked = await call(user, "POST", "/read-all");
    const after = await call(user, "GET", "/unread-count");

    expect(before.json()).toEqual({ count: 2 });
    expect(marked.json()).toEqual({ updated: 2 });
    expect(after.json()).toEqual({ count: 0 });
  });

  it("deletes a notification", async () => {
    const user = await createReminderUser(subject);
    const [id] = await addNotifications(user, ["one"]);

    const deleted = await call(user, "DELETE", `/${id}`);
    const again = await call(user, "DELETE", `/${id}`);

    expect(deleted.statusCode).toBe(204);
    expect(again.statusCode).toBe(404);
    expect(await notificationCount(subject, user.id)).toBe(0);
  });

  it("hides notifications of other users", async () => {
    const owner = await createReminderUser(subject);
    const stranger = await createReminderUser(subject);
    const [id] = await addNotifications(owner, ["private"]);

    const read = await call(stranger, "POST", `/${id}/read`);
    const deleted = await call(stranger, "DELETE", `/${id}`);
    const listed = await call(stranger, "GET", "");

    expect(read.statusCode).toBe(404);
    expect(deleted.statusCode).toBe(404);
    expect(listed.json().items).toEqual([]);
    expect(await notificationCount(subject, owner.id)).toBe(1);
  });

  it("rejects an invalid cursor", async () => {
    const user = await createReminderUser(subject);

    const response = await call(user, "GET", "?cursor=not-a-cursor");

    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      { field: "query.cursor", message: "is not a cursor this API returned" },
    ]);
  });
});
