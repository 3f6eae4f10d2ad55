import { reminderRuleListSchema, reminderSettingsSchema } from "@fitcoach/contract";
import type { ReminderSettings } from "@fitcoach/contract";

import { useServerResource } from "../../sync/use-server-resource";
import type { ServerResource } from "../../sync/use-server-resource";
import { REMINDER_SETTINGS_PATH, RULES_PATH, overlayRuleWrites } from "./reminder-writes";
import type { RuleList } from "./reminder-writes";

/** The account's reminder rules, offline first, with queued edits applied. */
export function useReminderRules(): ServerResource<RuleList> {
  return useServerResource(RULES_PATH, reminderRuleListSchema, overlayRuleWrites);
}

/** Quiet hours and the weekly summary switch, offline first. */
export function useReminderSettings(): ServerResource<ReminderSettings> {
  return useServerResource(REMINDER_SETTINGS_PATH, reminderSettingsSchema);
}
