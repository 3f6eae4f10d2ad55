import { describe, expect, it } from "vitest";

import { createFakeDesktop } from "../test/fake-desktop";
import { createDesktopTokenStore } from "./desktop-token-store";

describe("desktop token store", () => {
  it("loads tokens from the keychain", async () => {
    const desktop = createFakeDesktop({ tokens: { refreshToken: "r1", deviceToken: "d1" } });
    const store = createDesktopTokenStore(desktop.api.tokenStore);

    const tokens = await store.load();

    expect(tokens).toEqual({ accessToken: null, refreshToken: "r1", deviceToken: "d1" });
  });

  it("keeps the access token out of the keychain", async () => {
    const desktop = createFakeDesktop();
    const store = createDesktopTokenStore(desktop.api.tokenStore);
    await store.load();

    await store.save({ accessToken: "a1", refreshToken: "r1", deviceToken: "d1" });

    expect(Object.fromEntries(desktop.keychain)).toEqual({ refreshToken: "r1", deviceToken: "d1" });
    expect((await store.load()).accessToken).toBe("a1");
  });

  it("writes only changed tokens", async () => {
    const desktop = createFakeDesktop({ tokens: { refreshToken: "r1", deviceToken: "d1" } });
    const store = createDesktopTokenStore(desktop.api.tokenStore);
    await store.load();

    await store.save({ accessToken: "a2", refreshToken: "r2", deviceToken: "d1" });

    expect(desktop.keychainWrites).toEqual(["set refreshToken"]);
  });

  it("clears the refresh token and keeps the device token", async () => {
    const desktop = createFakeDesktop({ tokens: { refreshToken: "r1", deviceToken: "d1" } });
    const store = createDesktopTokenStore(desktop.api.tokenStore);
    await store.load();

    await store.save({ accessToken: null, refreshToken: null, deviceToken: "d1" });

    expect(desktop.keychainWrites).toEqual(["clear refreshToken"]);
    expect(Object.fromEntries(desktop.keychain)).toEqual({ deviceToken: "d1" });
  });
});
