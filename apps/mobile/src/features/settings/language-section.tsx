import type { ReactElement } from "react";
import { useTranslation } from "react-i18next";

import { LANGUAGES, LANGUAGE_NAMES } from "../../i18n/languages";
import type { Language } from "../../i18n/languages";
import { useRuntime, useSession } from "../../session/session-provider";
import { ChoiceList } from "../../ui/choice-list";
import { Section } from "../../ui/section";
import { queueProfileChange } from "./use-me";

type LanguageChoice = Language | "device";

/**
 * The app's language: the device's, or one chosen here. A chosen language is also saved to the
 * profile, so the server's emails use it.
 */
export function LanguageSection(): ReactElement {
  const { t } = useTranslation();
  const session = useSession();
  const runtime = useRuntime();

  async function choose(choice: LanguageChoice): Promise<void> {
    const language = choice === "device" ? null : choice;
    await session.changeLanguage(language);
    if (language) await queueProfileChange(runtime, { locale: language });
  }

  return (
    <Section title={t("settings.language.title")}>
      <ChoiceList<LanguageChoice>
        label={t("fields.language")}
        choices={[
          { value: "device", label: t("settings.language.device") },
          ...LANGUAGES.map((value) => ({ value, label: LANGUAGE_NAMES[value] })),
        ]}
        selected={session.isLanguageChosen ? session.language : "device"}
        onSelect={(choice) => void choose(choice)}
      />
    </Section>
  );
}
