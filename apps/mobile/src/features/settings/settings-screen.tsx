import type { ReactElement } from "react";
import { useTranslation } from "react-i18next";

import { SyncStatus } from "../sync/sync-status";
import { Screen } from "../../ui/screen";
import { ExportSection } from "./export-section";
import { LanguageSection } from "./language-section";
import { ProfileSection } from "./profile-section";
import { RemindersSection } from "../reminders/reminders-section";
import { SessionsSection } from "./sessions-section";
import { SignOutSection } from "./sign-out-section";
import { TwoFactorSection } from "./two-factor-section";
import { UnitsSection } from "./units-section";
import { useMe } from "./use-me";

export function SettingsScreen(): ReactElement {
  const { t } = useTranslation();
  const me = useMe();

  return (
    <Screen title={t("settings.title")}>
      <SyncStatus />
      <ProfileSection me={me.data} />
      <UnitsSection me={me.data} />
      <LanguageSection />
      <RemindersSection />
      <SessionsSection />
      <TwoFactorSection me={me.data} onChanged={me.refresh} />
      <ExportSection me={me.data} />
      <SignOutSection />
    </Screen>
  );
}
