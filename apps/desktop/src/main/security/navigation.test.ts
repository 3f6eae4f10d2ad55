import type { WebContents } from "electron";
import { beforeEach, describe, expect, test } from "vitest";

import { StandInEvent, StandInWebContents, standIn } from "../../../test/electron-stand-in";
import { guardNavigation, isAllowedExternalUrl, isAllowedNavigation } from "./navigation";

describe("isAllowedExternalUrl", () => {
  test.each(["https://example.com/help", "http://example.com"])("allows %s", (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  test.each([
    "file:///etc/passwd",
    "javascript:alert(1)",
    "smb://server/share",
    "ms-settings:privacy",
    "mailto:someone@example.com",
    "https://user:pass@example.com",
    "not a url",
    `https://example.com/${"a".repeat(2100)}`,
  ])("rejects %s", (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});

describe("isAllowedNavigation", () => {
  test("allows moves inside the web app", () => {
    expect(isAllowedNavigation("fitcoach://app/today", "fitcoach://app/stats")).toBe(true);
  });

  test("rejects the web app opening setup", () => {
    expect(isAllowedNavigation("fitcoach://app/", "fitcoach://setup/index.html")).toBe(false);
  });

  test("rejects other sites", () => {
    expect(isAllowedNavigation("fitcoach://app/", "https://fitcoach.example.com/")).toBe(false);
  });
});

describe("guardNavigation", () => {
  let contents: StandInWebContents;
  let blocked: { kind: string; url: string }[];

  beforeEach(() => {
    standIn.reset();
    contents = new StandInWebContents();
    contents.url = "fitcoach://app/today";
    blocked = [];
    guardNavigation(contents as unknown as WebContents, {
      openExternal: async (url) => void standIn.openedExternal.push(url),
      onBlocked: (details) => blocked.push(details),
    });
  });

  test("sends external links to the system browser", () => {
    const event = new StandInEvent({ url: "https://example.com/article", isMainFrame: true });

    contents.emit("will-navigate", event);

    expect(event.defaultPrevented).toBe(true);
    expect(standIn.openedExternal).toEqual(["https://example.com/article"]);
  });

  test("blocks file links without opening them", () => {
    const event = new StandInEvent({ url: "file:///home/user/.ssh/id_rsa", isMainFrame: true });

    contents.emit("will-navigate", event);

    expect(event.defaultPrevented).toBe(true);
    expect(standIn.openedExternal).toEqual([]);
    expect(blocked).toEqual([{ kind: "navigation", url: "file:///home/user/.ssh/id_rsa" }]);
  });

  test("lets in-app navigation through", () => {
    const event = new StandInEvent({ url: "fitcoach://app/stats", isMainFrame: true });

    contents.emit("will-navigate", event);

    expect(event.defaultPrevented).toBe(false);
  });

  test("denies every new window", () => {
    const result = contents.windowOpenHandler?.({ url: "fitcoach://app/other" });

    expect(result).toEqual({ action: "deny" });
    expect(standIn.openedExternal).toEqual([]);
  });

  test("opens window.open targets externally", () => {
    const result = contents.windowOpenHandler?.({ url: "https://example.com/" });

    expect(result).toEqual({ action: "deny" });
    expect(standIn.openedExternal).toEqual(["https://example.com/"]);
  });

  test("blocks subframe navigation elsewhere", () => {
    const event = new StandInEvent({ url: "https://ads.example.com/", isMainFrame: false });

    contents.emit("will-frame-navigate", event);

    expect(event.defaultPrevented).toBe(true);
  });

  test("blocks redirects away from the app", () => {
    const event = new StandInEvent({ url: "https://evil.example.com/", isMainFrame: true });

    contents.emit("will-redirect", event);

    expect(event.defaultPrevented).toBe(true);
  });

  test("prevents attaching webviews", () => {
    const event = new StandInEvent();

    contents.emit("will-attach-webview", event, {}, {});

    expect(event.defaultPrevented).toBe(true);
  });
});
