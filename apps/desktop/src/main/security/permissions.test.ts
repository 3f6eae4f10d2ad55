import type { Session } from "electron";
import { beforeEach, describe, expect, test } from "vitest";

import { session, standIn } from "../../../test/electron-stand-in";
import { installPermissionHandlers, isPermissionAllowed } from "./permissions";

describe("isPermissionAllowed", () => {
  test("allows clipboard writes from the web app", () => {
    expect(isPermissionAllowed("clipboard-sanitized-write", "fitcoach://app/today")).toBe(true);
  });

  test("denies clipboard writes from elsewhere", () => {
    expect(isPermissionAllowed("clipboard-sanitized-write", "https://example.com")).toBe(false);
    expect(isPermissionAllowed("clipboard-sanitized-write", "fitcoach://setup")).toBe(false);
  });

  test.each(["media", "geolocation", "notifications", "openExternal", "clipboard-read", "unknown"])(
    "denies %s",
    (permission) => {
      expect(isPermissionAllowed(permission, "fitcoach://app/")).toBe(false);
    },
  );
});

describe("installPermissionHandlers", () => {
  let denied: string[];

  beforeEach(() => {
    standIn.reset();
    denied = [];
    installPermissionHandlers(session.defaultSession as unknown as Session, (permission) =>
      denied.push(permission),
    );
  });

  test("denies camera requests", () => {
    const grants: boolean[] = [];

    standIn.permissionRequestHandler?.({}, "media", (granted) => grants.push(granted), {
      requestingUrl: "fitcoach://app/",
    });

    expect(grants).toEqual([false]);
    expect(denied).toEqual(["media"]);
  });

  test("grants the listed permission", () => {
    const grants: boolean[] = [];

    standIn.permissionRequestHandler?.(
      {},
      "clipboard-sanitized-write",
      (granted) => grants.push(granted),
      { requestingUrl: "fitcoach://app/today" },
    );

    expect(grants).toEqual([true]);
  });

  test("applies the rule to checks", () => {
    expect(standIn.permissionCheckHandler?.(null, "geolocation", "fitcoach://app")).toBe(false);
    expect(
      standIn.permissionCheckHandler?.(null, "clipboard-sanitized-write", "fitcoach://app"),
    ).toBe(true);
  });

  test("denies device access", () => {
    expect(standIn.devicePermissionHandler?.({ deviceType: "usb" })).toBe(false);
  });
});
