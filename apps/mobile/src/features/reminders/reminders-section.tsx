import { useState } from "react";
import type { ReactElement } from "react";
import { Switch, StyleSheet, View } from "react-native";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import type { ReminderRule } from "@fitcoach/contract";

import { formatDateTime } from "../../i18n/format";
import { useRuntime, useSession } from "../../session/session-provider";
import { Notice } from "../../ui/notice";
import { ProblemNotice } from "../../ui/problem-notice";
import { BodyText, HelpText, Section } from "../../ui/section";
import { SPACING } from "../../ui/theme";
import { requestNotificationPermission } from "./local-notifications";
import { queueRuleEnabled } from "./reminder-writes";
import { useReminderRules } from "./use-reminders";

/**
 * The account's reminder rules, each with a switch, and whether this phone shows them as local
 * notifications. Rules are created in the web app; the phone schedules them itself, so no push
 * service is involved.
 */
export function RemindersSection(): ReactElement {
  const { t, i18n } = useTranslation();
  const runtime = useRuntime();
  const session = useSession();
  const rules = useReminderRules();
  const [isPermissionDenied, setPermissionDenied] = useState(false);

  async function toggleOnDevice(next: boolean): Promise<void> {
    if (next && !(await requestNotificationPermission())) {
      setPermissionDenied(true);
      return;
    }
    setPermissionDenied(false);
    await session.setRemindersOnDevice(next);
  }

  const items = rules.data?.items ?? [];
  return (
    <Section title={t("settings.reminders.title")}>
      <Row label={t("settings.reminders.onDevice")}>
        <Switch
          accessibilityLabel={t("settings.reminders.onDevice")}
          value={session.areRemindersOnDevice}
          onValueChange={(next) => void toggleOnDevice(next)}
        />
      </Row>
      {isPermissionDenied ? (
        <Notice tone="warning">{t("settings.reminders.permissionDenied")}</Notice>
      ) : null}
      {rules.data === null ? <ProblemNotice error={rules.error} /> : null}
      {rules.data !== null && items.length === 0 ? (
        <HelpText>{t("settings.reminders.none")}</HelpText>
      ) : null}
      {items.map((rule) => (
        <Row key={rule.id} label={describeRule(rule, t)}>
          <View style={styles.ruleState}>
            {rule.enabled && rule.nextAt ? (
              <HelpText>
                {t("settings.reminders.next", { time: formatDateTime(rule.nextAt, i18n.language) })}
              </HelpText>
            ) : null}
            <Switch
              accessibilityLabel={describeRule(rule, t)}
              value={rule.enabled}
              onValueChange={(enabled) => void queueRuleEnabled(runtime, rule, enabled)}
            />
          </View>
        </Row>
      ))}
    </Section>
  );
}

function Row(props: { label: string; children: ReactElement }): ReactElement {
  return (
    <View style={styles.row}>
      <View style={styles.label}>
        <BodyText>{props.label}</BodyText>
      </View>
      {props.children}
    </View>
  );
}

/** Names a rule for the list, such as "Lunch at 12:30" or "Water every 60 minutes". */
export function describeRule(rule: ReminderRule, t: TFunction): string {
  if (rule.kind === "water") {
    return t("settings.reminders.water", {
      start: rule.startTime,
      end: rule.endTime,
      minutes: rule.intervalMinutes,
    });
  }
  const name =
    rule.kind === "meal" && rule.mealType
      ? t(`reminders.mealTitles.${rule.mealType}`)
      : t(`reminders.titles.${rule.kind}`);
  return t("settings.reminders.atTime", { name, time: rule.time });
}

const styles = StyleSheet.create({
  row: { flexDirection: "row", alignItems: "center", gap: SPACING, minHeight: 44 },
  label: { flex: 1 },
  ruleState: { alignItems: "flex-end" },
});
