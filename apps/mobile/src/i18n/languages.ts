import { LOCALES } from "@fitcoach/contract";

export type Language = (typeof LOCALES)[number];
export const LANGUAGES: readonly Language[] = LOCALES;

/** Names of each language in itself, so a reader finds their own in the list. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: "English",
  ru: "Русский",
  cs: "Čeština",
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * Picks the language the user chose in settings, else the first device language the app has,
 * else English. `deviceLanguageTags` are BCP 47 tags in the device's order of preference.
 */
export function pickLanguage(
  saved: string | null,
  deviceLanguageTags: readonly string[],
): Language {
  if (isLanguage(saved)) return saved;

  for (const tag of deviceLanguageTags) {
    const base = tag.toLowerCase().split("-")[0];
    if (isLanguage(base)) return base;
  }
  return "en";
}
