import { getLocales } from "expo-localization";

/** Language tags of the device (or browser) in the user's order of preference. */
export function deviceLanguageTags(): string[] {
  try {
    return getLocales().map((locale) => locale.languageTag);
  } catch {
    // Some test and web environments report no locales; English is the fallback then.
    return [];
  }
}
