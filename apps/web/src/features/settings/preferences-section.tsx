import { useState } from "react";
import { useTranslation } from "react-i18next";
import { UNITS, WEEK_STARTS } from "@fitcoach/contract";
import type { Me, MePatch } from "@fitcoach/contract";

import { useUpdateMe } from "../../app/me-query";
import { readThemePreference, saveThemePreference, THEMES } from "../../app/theme";
import type { ThemePreference } from "../../app/theme";
import { isLanguage, LANGUAGE_NAMES, LANGUAGES, saveLanguage } from "../../i18n/languages";
import { ProblemAlert } from "../../ui/problem-alert";
import { SelectField } from "../../ui/select-field";
import { SettingsSection } from "./settings-section";

/** Lists every IANA zone the browser supports, plus the saved one if the browser lacks it. */
export function timeZoneOptions(current: string): string[] {
  const zones =
    typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return zones.includes(current) ? zones : [current, ...zones];
}

/** Units, time zone, language, week start and theme; each change is saved at once. */
export function PreferencesSection(props: { me: Me }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const update = useUpdateMe();
  const [theme, setTheme] = useState<ThemePreference>(readThemePreference());
  const { me } = props;

  function save(patch: MePatch): void {
    update.mutate(patch);
  }

  return (
    <SettingsSection title={t("settings.preferences.title")}>
      <SelectField
        label={t("fields.language")}
        value={i18n.language}
        onChange={(event) => {
          const language = event.target.value;
          if (!isLanguage(language)) return;
          saveLanguage(language);
          void i18n.changeLanguage(language);
          save({ locale: language });
        }}
        options={LANGUAGES.map((value) => ({ value, label: LANGUAGE_NAMES[value] }))}
      />
      <SelectField
        label={t("fields.theme")}
        value={theme}
        onChange={(event) => {
          const next = event.target.value as ThemePreference;
          setTheme(next);
          saveThemePreference(next);
        }}
        options={THEMES.map((value) => ({
          value,
          label: t(`settings.preferences.themes.${value}`),
        }))}
      />
      <SelectField
        label={t("fields.units")}
        value={me.units}
        onChange={(event) => save({ units: event.target.value as Me["units"] })}
        options={UNITS.map((value) => ({ value, label: t(`settings.preferences.units.${value}`) }))}
      />
      <SelectField
        label={t("fields.timeZone")}
        value={me.timeZone}
        onChange={(event) => save({ timeZone: event.target.value })}
        options={timeZoneOptions(me.timeZone).map((zone) => ({
          value: zone,
          label: zone.replaceAll("_", " "),
        }))}
      />
      <SelectField
        label={t("fields.weekStartsOn")}
        value={me.weekStartsOn}
        onChange={(event) => save({ weekStartsOn: event.target.value as Me["weekStartsOn"] })}
        options={WEEK_STARTS.map((value) => ({
          value,
          label: t(`settings.preferences.weekStarts.${value}`),
        }))}
      />
      <ProblemAlert error={update.error} />
    </SettingsSection>
  );
}
