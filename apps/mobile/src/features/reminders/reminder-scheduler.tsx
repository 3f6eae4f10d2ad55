import { useEffect } from "react";
import { AppState } from "react-native";
import { useTranslation } from "react-i18next";

import { useSession } from "../../session/session-provider";
import { cancelReminders, scheduleReminders } from "./local-notifications";
import { planReminders } from "./reminder-plan";
import { useReminderRules, useReminderSettings } from "./use-reminders";

/**
 * Keeps the phone's scheduled notifications in step with the reminder rules: after every load or
 * change of the rules and whenever the app returns to the foreground. Renders nothing.
 */
export function ReminderScheduler(): null {
  const { t, i18n } = useTranslation();
  const { areRemindersOnDevice } = useSession();
  const rules = useReminderRules();
  const settings = useReminderSettings();

  useEffect(() => {
    let isCurrent = true;
    async function reschedule(): Promise<void> {
      if (!areRemindersOnDevice || !rules.data) {
        await cancelReminders();
        return;
      }
      const planned = planReminders(rules.data.items, settings.data, new Date());
      if (isCurrent) await scheduleReminders(planned, t);
    }

    function run(): void {
      reschedule().catch((error: unknown) => {
        console.warn("scheduling reminders failed", error instanceof Error ? error.name : error);
      });
    }

    run();
    const subscription = AppState.addEventListener("change", (state) => {
      if (state === "active") run();
    });
    return () => {
      isCurrent = false;
      subscription.remove();
    };
    // The language is a dependency so notification texts follow a language change.
  }, [areRemindersOnDevice, rules.data, settings.data, t, i18n.language]);

  return null;
}
