import i18next from "i18next";
import type { i18n as I18n } from "i18next";
import { initReactI18next } from "react-i18next";

import cs from "./locales/cs.json";
import en from "./locales/en.json";
import ru from "./locales/ru.json";
import type { Language } from "./languages";

export const CATALOGS = { en, ru, cs } as const;

/** Creates an i18next instance with every catalog loaded; the catalogs are a few kilobytes each. */
export function createI18n(language: Language): I18n {
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
  return instance;
}
