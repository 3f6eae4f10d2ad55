export const THEMES = ["system", "light", "dark"] as const;
export type ThemePreference = (typeof THEMES)[number];

const THEME_STORAGE_KEY = "fitcoach.theme";

export function readThemePreference(): ThemePreference {
  const stored = safeStorageGet(THEME_STORAGE_KEY);
  return THEMES.includes(stored as ThemePreference) ? (stored as ThemePreference) : "system";
}

/**
 * Applies a theme to the document. "system" removes the override so the stylesheet's
 * prefers-color-scheme rules decide, and later system changes apply without a reload.
 */
export function applyTheme(preference: ThemePreference): void {
  const root = document.documentElement;
  if (preference === "system") {
    delete root.dataset.theme;
  } else {
    root.dataset.theme = preference;
  }
}

export function saveThemePreference(preference: ThemePreference): void {
  safeStorageSet(THEME_STORAGE_KEY, preference);
  applyTheme(preference);
}

// Storage throws in some private modes and when disabled by policy; the app then keeps defaults.
export function safeStorageGet(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function safeStorageSet(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Nothing to do: the preference lasts for this page only.
  }
}
