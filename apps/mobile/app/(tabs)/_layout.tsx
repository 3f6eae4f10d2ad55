import type { ReactElement } from "react";
import { Tabs } from "expo-router";
import { useTranslation } from "react-i18next";

import { OfflineCacheKeeper } from "../../src/features/offline/offline-cache-keeper";
import { ReminderScheduler } from "../../src/features/reminders/reminder-scheduler";
import { usePalette } from "../../src/ui/theme";

export default function TabsLayout(): ReactElement {
  const { t } = useTranslation();
  const palette = usePalette();
  return (
    <>
      <ReminderScheduler />
      <OfflineCacheKeeper />
      <Tabs
        screenOptions={{
          headerShown: false,
          tabBarActiveTintColor: palette.primary,
          tabBarInactiveTintColor: palette.mutedText,
          tabBarStyle: { backgroundColor: palette.surface, borderTopColor: palette.border },
          tabBarIconStyle: { display: "none" },
          tabBarLabelStyle: { fontSize: 13, fontWeight: "600" },
        }}
      >
        <Tabs.Screen name="index" options={{ title: t("nav.today") }} />
        <Tabs.Screen name="meals" options={{ title: t("nav.meals") }} />
        <Tabs.Screen name="workouts" options={{ title: t("nav.workouts") }} />
        <Tabs.Screen name="stats" options={{ title: t("nav.stats") }} />
        <Tabs.Screen name="coach" options={{ title: t("nav.coach") }} />
        <Tabs.Screen name="settings" options={{ title: t("nav.settings") }} />
      </Tabs>
    </>
  );
}
