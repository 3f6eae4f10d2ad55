import { LOCALES } from "@fitcoach/contract";

import { safeStorageGet, safeStorageSet } from "../app/theme";

export type Language = (typeof LOCALES)[number];
export const LANGUAGES: readonly Language[] = LOCALES;

const LANGUAGE_STORAGE_KEY = "fitcoach.language";

/** Names of each language in itself, so a reader finds their own in the list. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: "English",
  ru: "Русский",
  cs: "Čeština",
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** Picks the saved choice, else the first browser language the app has, else English. */
export function detectLanguage(
  browserLanguages: readonly string[] = navigator.languages,
): Language {
  const saved = safeStorageGet(LANGUAGE_STORAGE_KEY);
  if (isLanguage(saved)) return saved;

  for (const tag of browserLanguages) {
    const base = tag.toLowerCase().split("-")[0];
    if (isLanguage(base)) return base;
  }
  return "en";
}

export function saveLanguage(language: Language): void {
  safeStorageSet(LANGUAGE_STORAGE_KEY, language);
}
