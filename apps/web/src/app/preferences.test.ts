import { describe, expect, it } from "vitest";

import { detectLanguage, saveLanguage } from "../i18n/languages";
import { safeNextPath } from "./guards";
import { applyTheme, readThemePreference, saveThemePreference } from "./theme";

describe("theme preference", () => {
  it("defaults to the system theme", () => {
    expect(readThemePreference()).toBe("system");
  });

  it("persists and applies a choice", () => {
    saveThemePreference("dark");

    expect(readThemePreference()).toBe("dark");
    expect(document.documentElement.dataset.theme).toBe("dark");
  });

  it("removes the override for system", () => {
    applyTheme("light");
    applyTheme("system");

    expect(document.documentElement.dataset.theme).toBeUndefined();
  });
});

describe("detectLanguage", () => {
  it("follows the first supported browser language", () => {
    expect(detectLanguage(["de-DE", "cs-CZ", "en"])).toBe("cs");
  });

  it("falls back to English", () => {
    expect(detectLanguage(["de-DE", "fr"])).toBe("en");
  });

  it("prefers the saved choice", () => {
    saveLanguage("ru");

    expect(detectLanguage(["cs-CZ"])).toBe("ru");
  });
});

describe("safeNextPath", () => {
  it.each([
    ["/settings?tab=2", "/settings?tab=2"],
    [null, "/today"],
    ["https://evil.example/", "/today"],
    ["//evil.example/", "/today"],
    ["/\\evil.example", "/today"],
  ])("maps %s to %s", (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });
});
