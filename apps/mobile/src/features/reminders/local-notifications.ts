import { Platform } from "react-native";
import * as Notifications from "expo-notifications";
import type { TFunction } from "i18next";

import type { PlannedReminder } from "./reminder-plan";

/** Android channel that reminders are posted to; users can silence it in the system settings. */
export const REMINDER_CHANNEL_ID = "reminders";

/** Marks the app's reminder notifications so rescheduling replaces only them. */
const IDENTIFIER_PREFIX = "fitcoach-reminder:";

/** Asks for permission to show notifications; returns whether they are allowed. */
export async function requestNotificationPermission(): Promise<boolean> {
  const current = await Notifications.getPermissionsAsync();
  if (current.granted) return true;
  const requested = await Notifications.requestPermissionsAsync();
  return requested.granted;
}

// Browsers cannot schedule notifications ahead; the web app gets reminders through web push.
const CAN_SCHEDULE = Platform.OS !== "web";

/** Replaces the scheduled reminder notifications with the planned ones. */
export async function scheduleReminders(
  planned: readonly PlannedReminder[],
  t: TFunction,
): Promise<void> {
  if (!CAN_SCHEDULE) return;
  await cancelReminders();
  await Notifications.setNotificationChannelAsync(REMINDER_CHANNEL_ID, {
    name: t("reminders.channelName"),
    importance: Notifications.AndroidImportance.DEFAULT,
  });

  for (const reminder of planned) {
    await Notifications.scheduleNotificationAsync({
      identifier: `${IDENTIFIER_PREFIX}${reminder.ruleId}:${reminder.fireAt.toISOString()}`,
      content: {
        title: reminderTitle(reminder, t),
        body: t(`reminders.bodies.${reminder.kind}`),
        data: { url: "/" },
      },
      trigger: {
        type: Notifications.SchedulableTriggerInputTypes.DATE,
        date: reminder.fireAt,
        channelId: REMINDER_CHANNEL_ID,
      },
    });
  }
}

/** Cancels every reminder this app scheduled, such as when the session ends. */
export async function cancelReminders(): Promise<void> {
  if (!CAN_SCHEDULE) return;
  const scheduled = await Notifications.getAllScheduledNotificationsAsync();
  for (const request of scheduled) {
    if (request.identifier.startsWith(IDENTIFIER_PREFIX)) {
      await Notifications.cancelScheduledNotificationAsync(request.identifier);
    }
  }
}

function reminderTitle(reminder: PlannedReminder, t: TFunction): string {
  if (reminder.kind === "meal" && reminder.mealType) {
    return t(`reminders.mealTitles.${reminder.mealType}`);
  }
  return t(`reminders.titles.${reminder.kind}`);
}
