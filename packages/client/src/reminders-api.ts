import {
  reminderRuleListSchema,
  reminderRuleSchema,
  reminderSettingsSchema,
} from "@fitcoach/contract";
import type {
  reminderRuleCreateSchema,
  ReminderRule,
  ReminderRuleCreate,
  ReminderRulePatch,
  ReminderSettings,
  ReminderSettingsPatch,
} from "@fitcoach/contract";
import type { z } from "zod";

import type { ApiClientCore } from "./api-client";

/** A rule as the create form sends it; fields with server defaults may be left out. */
export type ReminderRuleInput = z.input<typeof reminderRuleCreateSchema>;

/**
 * Reminder rules and settings. Edits send the version the user saw as If-Match, so a change made
 * on another device in the meantime gets 412 instead of being overwritten.
 */
export interface RemindersApi {
  listRules(): Promise<ReminderRule[]>;
  createRule(rule: ReminderRuleInput | ReminderRuleCreate): Promise<ReminderRule>;
  updateRule(
    rule: Pick<ReminderRule, "id" | "version">,
    patch: ReminderRulePatch,
  ): Promise<ReminderRule>;
  deleteRule(rule: Pick<ReminderRule, "id" | "version">): Promise<void>;
  getSettings(): Promise<ReminderSettings>;
  updateSettings(version: number, patch: ReminderSettingsPatch): Promise<ReminderSettings>;
}

/** The ETag the API sets for a row of this version. */
export function etagForVersion(version: number): string {
  return `"v${version}"`;
}

export function createRemindersApi(core: ApiClientCore): RemindersApi {
  return {
    async listRules() {
      return (await core.request({ path: "/reminders/rules", schema: reminderRuleListSchema }))
        .items;
    },
    createRule: (rule) =>
      core.request({
        method: "POST",
        path: "/reminders/rules",
        body: rule,
        schema: reminderRuleSchema,
      }),
    updateRule: (rule, patch) =>
      core.request({
        method: "PATCH",
        path: `/reminders/rules/${encodeURIComponent(rule.id)}`,
        body: patch,
        ifMatch: etagForVersion(rule.version),
        schema: reminderRuleSchema,
      }),
    async deleteRule(rule) {
      await core.request({
        method: "DELETE",
        path: `/reminders/rules/${encodeURIComponent(rule.id)}`,
        ifMatch: etagForVersion(rule.version),
      });
    },
    getSettings: () =>
      core.request({ path: "/reminders/settings", schema: reminderSettingsSchema }),
    updateSettings: (version, patch) =>
      core.request({
        method: "PATCH",
        path: "/reminders/settings",
        body: patch,
        ifMatch: etagForVersion(version),
        schema: reminderSettingsSchema,
      }),
  };
}
