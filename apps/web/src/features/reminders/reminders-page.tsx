import { useId } from "react";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";

import { useMe } from "../../app/me-query";
import { Page } from "../../ui/page";
import { ProblemAlert } from "../../ui/problem-alert";
import { Loading } from "../../ui/spinner";
import { NewRuleForm } from "./new-rule-form";
import { PushSection } from "./push-section";
import { QuietHoursForm } from "./quiet-hours-form";
import { REMINDER_RULES_QUERY_KEY, REMINDER_SETTINGS_QUERY_KEY } from "./reminder-shared";
import { RuleList } from "./rule-list";
import "../../styles/widgets.css";
import "./reminders.css";
import { useRemindersApi } from "./use-reminders-api";

/** Reminder rules, quiet hours, the weekly summary and web push, at /settings/reminders. */
export default function RemindersPage(): React.JSX.Element {
  const { t } = useTranslation();
  const remindersApi = useRemindersApi();
  const me = useMe();
  const rulesHeadingId = useId();
  const rules = useQuery({
    queryKey: REMINDER_RULES_QUERY_KEY,
    queryFn: () => remindersApi.listRules(),
  });
  const settings = useQuery({
    queryKey: REMINDER_SETTINGS_QUERY_KEY,
    queryFn: () => remindersApi.getSettings(),
  });

  return (
    <Page title={t("reminders.title")}>
      <p>
        <Link to="/settings">{t("reminders.backToSettings")}</Link>
      </p>
      {me.data ? (
        <p>
          {t("reminders.timeZone", { zone: me.data.timeZone })}{" "}
          {me.data.emailVerified ? null : t("reminders.emailNeedsVerification")}
        </p>
      ) : null}
      <ProblemAlert error={me.error} />
      {me.data ? (
        <div className="stack">
          <section className="card" aria-labelledby={rulesHeadingId}>
            <h2 id={rulesHeadingId}>{t("reminders.rulesTitle")}</h2>
            {rules.isPending ? <Loading /> : null}
            <ProblemAlert error={rules.error} />
            {rules.data ? <RuleList rules={rules.data} me={me.data} /> : null}
          </section>
          <NewRuleForm me={me.data} ruleCount={rules.data?.length ?? 0} />
          {settings.isPending ? <Loading /> : null}
          <ProblemAlert error={settings.error} />
          {settings.data ? <QuietHoursForm settings={settings.data} me={me.data} /> : null}
          <PushSection />
        </div>
      ) : (
        <Loading />
      )}
    </Page>
  );
}
