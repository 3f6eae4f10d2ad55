import { useState } from "react";
import type { ReactElement } from "react";
import { StyleSheet, View } from "react-native";
import { useTranslation } from "react-i18next";

import { formatLocalDate } from "../../i18n/format";
import { addDays, todayOnDevice } from "../../platform/local-date";
import { Button } from "../../ui/button";
import { ProblemNotice } from "../../ui/problem-notice";
import { Screen } from "../../ui/screen";
import { HelpText } from "../../ui/section";
import { SPACING } from "../../ui/theme";
import { useMe } from "../settings/use-me";
import { SyncStatus } from "../sync/sync-status";
import { DaySummary } from "./day-summary";
import { QuickAdds } from "./quick-adds";
import { useDay } from "./use-day";

/** Shows one day's card: quick adds for water, mood and weight, then every part of the day. */
export function TodayScreen(): ReactElement {
  const { t, i18n } = useTranslation();
  const today = todayOnDevice();
  const [date, setDate] = useState(today);
  const day = useDay(date);
  const me = useMe();
  const units = me.data?.units ?? "metric";

  return (
    <Screen title={date === today ? t("today.title") : formatLocalDate(date, i18n.language)}>
      {date === today ? <HelpText>{formatLocalDate(date, i18n.language)}</HelpText> : null}
      <View style={styles.dayNavigation} accessibilityLabel={t("today.dayNavigation")}>
        <Button
          variant="secondary"
          label={t("today.previousDay")}
          onPress={() => setDate(addDays(date, -1))}
        />
        {date === today ? null : (
          <Button
            variant="secondary"
            label={t("today.backToToday")}
            onPress={() => setDate(today)}
          />
        )}
        {date < today ? (
          <Button
            variant="secondary"
            label={t("today.nextDay")}
            onPress={() => setDate(addDays(date, 1))}
          />
        ) : null}
      </View>
      <SyncStatus />
      {day.data === null ? <ProblemNotice error={day.error} /> : null}
      <QuickAdds date={date} card={day.data} units={units} />
      {day.data ? <DaySummary card={day.data} units={units} /> : null}
    </Screen>
  );
}

const styles = StyleSheet.create({
  dayNavigation: { flexDirection: "row", flexWrap: "wrap", gap: SPACING / 2 },
});
