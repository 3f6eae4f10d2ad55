import { describe, expect, it } from "vitest";

import { createFakeDesktop } from "../test/fake-desktop";
import {
  NOTIFICATION_BODY_MAX_LENGTH,
  NOTIFICATION_TITLE_MAX_LENGTH,
  shorten,
  showDesktopNotification,
} from "./desktop-notifications";

describe("showDesktopNotification", () => {
  it("returns false in a browser", async () => {
    const isShown = await showDesktopNotification(null, { title: "Water", body: "Drink" });

    expect(isShown).toBe(false);
  });

  it("sends text within the shell limits", async () => {
    const desktop = createFakeDesktop();

    const isShown = await showDesktopNotification(desktop.api, {
      title: `Water\nreminder ${"x".repeat(200)}`,
      body: `Line one\nline two\u0007 ${"y".repeat(600)}`,
    });

    expect(isShown).toBe(true);
    const sent = desktop.notifications[0]!;
    expect(sent.title.startsWith("Water reminder x")).toBe(true);
    expect(sent.title).toHaveLength(NOTIFICATION_TITLE_MAX_LENGTH);
    expect(sent.body.startsWith("Line one\nline two  y")).toBe(true);
    expect(sent.body).toHaveLength(NOTIFICATION_BODY_MAX_LENGTH);
  });

  it("skips an empty title", async () => {
    const desktop = createFakeDesktop();

    const isShown = await showDesktopNotification(desktop.api, { title: " \n ", body: "Drink" });

    expect(isShown).toBe(false);
    expect(desktop.notifications).toEqual([]);
  });
});

describe("shorten", () => {
  it("keeps surrogate pairs whole", () => {
    expect(shorten("ab💧💧", 4)).toBe("ab…");
  });

  it("leaves short text alone", () => {
    expect(shorten("Water", 5)).toBe("Water");
  });
});
