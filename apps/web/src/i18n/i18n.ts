import i18next from "i18next";
import type { i18n as I18n } from "i18next";
import { initReactI18next } from "react-i18next";

import cs from "./locales/cs.json";
import en from "./locales/en.json";
import ru from "./locales/ru.json";
import { detectLanguage } from "./languages";
import type { Language } from "./languages";

export const CATALOGS = { en, ru, cs } as const;

/**
 * Creates an i18next instance with every catalog loaded. Each catalog is about 10 KB gzip, so all
 * three add about 32 KB to the first download. Loading the inactive ones on demand would save most.
 */
export function createI18n(language: Language = detectLanguage()): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: "en",
    supportedLngs: ["en", "ru", "cs"],
    resources: {
      en: { translation: en },
      ru: { translation: ru },
      cs: { translation: cs },
    },
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  instance.on("languageChanged", (next) => {
    document.documentElement.lang = next;
  });
  document.documentElement.lang = language;
  return instance;
}
