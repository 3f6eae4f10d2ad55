import type { ReminderRule, reminderRuleListSchema } from "@fitcoach/contract";
import type { z } from "zod";

import type { MobileRuntime } from "../../runtime/mobile-runtime";
import type { WriteKind } from "../../sync/write-kinds";
import type { QueuedWrite } from "../../sync/write-queue";

export type RuleList = z.infer<typeof reminderRuleListSchema>;

export const RULES_PATH = "/reminders/rules";
export const REMINDER_SETTINGS_PATH = "/reminders/settings";

/** The path of one rule, where PATCH and DELETE go. */
export function rulePath(ruleId: string): string {
  return `${RULES_PATH}/${encodeURIComponent(ruleId)}`;
}

/** Shows queued edits and deletions of single rules in the cached list of rules. */
export function overlayRuleWrites(
  list: RuleList,
  _path: string,
  writes: readonly QueuedWrite[],
): RuleList {
  let items: ReminderRule[] = list.items;
  for (const write of writes) {
    if (write.status === "rejected") continue;
    const target = items.find((rule) => rulePath(rule.id) === write.path);
    if (!target) continue;
    if (write.method === "DELETE") items = items.filter((rule) => rule !== target);
    if (write.method === "PATCH") {
      const patched = { ...target, ...(write.body as Partial<ReminderRule>) };
      items = items.map((rule) => (rule === target ? patched : rule));
    }
  }
  return { items };
}

/**
 * Queues turning a rule on or off. If-Match carries the version the user saw, so a change made on
 * another device in the meantime comes back as a conflict instead of being overwritten.
 */
export async function queueRuleEnabled(
  runtime: MobileRuntime,
  rule: ReminderRule,
  enabled: boolean,
): Promise<void> {
  const kind: WriteKind = "reminder-rule-update";
  await runtime.write({
    method: "PATCH",
    path: rulePath(rule.id),
    body: { enabled },
    ifMatch: `"v${rule.version}"`,
    kind,
    entityKey: `reminder-rule:${rule.id}`,
  });
}
