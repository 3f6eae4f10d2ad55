import { Link } from "react-router";
import { useTranslation } from "react-i18next";

import { useMe } from "../../app/me-query";
import { Page } from "../../ui/page";
import { ProblemAlert } from "../../ui/problem-alert";
import { Loading } from "../../ui/spinner";
import { AccountDeletionSection } from "./account-deletion-section";
import { EmailSection } from "./email-section";
import { ExportSection } from "./export-section";
import { ImportSection } from "./import-section";
import { PasswordSection } from "./password-section";
import { PreferencesSection } from "./preferences-section";
import { ProfileSection } from "./profile-section";
import { SecurityActivitySection } from "./security-activity-section";
import { SessionsSection } from "./sessions-section";
import { SettingsSection } from "./settings-section";
import { TwoFactorSection } from "./two-factor-section";
import "../../styles/widgets.css";

export default function SettingsPage(): React.JSX.Element {
  const { t } = useTranslation();
  const me = useMe();

  return (
    <Page title={t("settings.title")}>
      {me.isPending ? <Loading /> : null}
      <ProblemAlert error={me.error} />
      {me.data ? (
        <div className="settings-stack">
          <ProfileSection me={me.data} />
          <PreferencesSection me={me.data} />
          <SettingsSection title={t("settings.reminders.title")}>
            <p>{t("settings.reminders.help")}</p>
            <p>
              <Link className="button" to="/settings/reminders">
                {t("settings.reminders.open")}
              </Link>
            </p>
          </SettingsSection>
          <EmailSection me={me.data} />
          <PasswordSection me={me.data} />
          <TwoFactorSection me={me.data} />
          <SessionsSection />
          <SecurityActivitySection />
          <ExportSection />
          <ImportSection me={me.data} />
          <AccountDeletionSection />
        </div>
      ) : null}
    </Page>
  );
}
