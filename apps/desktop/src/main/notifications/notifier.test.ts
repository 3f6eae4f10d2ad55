import type { NotificationConstructorOptions } from "electron";
import { beforeEach, describe, expect, test } from "vitest";

import { Notification, standIn } from "../../../test/electron-stand-in";
import { createNotifier, NOTIFICATION_LIMIT, NOTIFICATION_WINDOW_MS } from "./notifier";

let time: number;
let clicks: number;
let notify: ReturnType<typeof createNotifier>;

beforeEach(() => {
  standIn.reset();
  time = 1_000_000;
  clicks = 0;
  notify = createNotifier({
    createNotification: (options: NotificationConstructorOptions) =>
      new Notification({ ...options }),
    isSupported: () => Notification.isSupported(),
    iconPath: "/app/icon.png",
    onClick: () => clicks++,
    now: () => time,
  });
});

describe("createNotifier", () => {
  test("shows a native notification", () => {
    const isShown = notify({ title: "Water", body: "Drink a glass." });

    expect(isShown).toBe(true);
    expect(standIn.notifications).toHaveLength(1);
    expect(standIn.notifications[0]?.options).toEqual({
      title: "Water",
      body: "Drink a glass.",
      icon: "/app/icon.png",
      silent: false,
    });
    expect(standIn.notifications[0]?.isShown).toBe(true);
  });

  test("drops notifications over the limit", () => {
    for (let index = 0; index < NOTIFICATION_LIMIT; index++) notify({ title: "t", body: "" });

    const isShown = notify({ title: "one too many", body: "" });

    expect(isShown).toBe(false);
    expect(standIn.notifications).toHaveLength(NOTIFICATION_LIMIT);
  });

  test("allows more after the window", () => {
    for (let index = 0; index < NOTIFICATION_LIMIT; index++) notify({ title: "t", body: "" });
    time += NOTIFICATION_WINDOW_MS;

    expect(notify({ title: "later", body: "" })).toBe(true);
  });

  test("returns false when unsupported", () => {
    standIn.areNotificationsSupported = false;

    expect(notify({ title: "t", body: "" })).toBe(false);
    expect(standIn.notifications).toHaveLength(0);
  });

  test("runs onClick when clicked", () => {
    notify({ title: "t", body: "" });

    standIn.notifications[0]?.emit("click");

    expect(clicks).toBe(1);
  });
});
