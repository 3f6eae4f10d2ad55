import type { Database } from "../../platform/database";
import { auditEvents } from "../audit/audit.tables";
import { knownDevices, sessions } from "../auth/auth.tables";
import {
  coachCalls,
  coachConsents,
  coachConversations,
  coachMealPlans,
  coachMessages,
  coachPrograms,
  coachProgramSets,
} from "../coach/coach.tables";
import { notifications, pushSubscriptions } from "../notifications/notifications.tables";
import type { DataSection } from "../nutrition-source/nutrition-source";
import { reminderDeliveries, reminderRules, reminderSettings } from "../reminders/reminders.tables";
import { importJobs } from "./data-transfer.tables";
import { nestedSection } from "./nested-section";
import {
  checkMealPlan,
  checkNotification,
  checkProgram,
  checkReminderRule,
  checkReminderSettings,
} from "./row-checks";
import { tableSection } from "./table-section";

/**
 * Maximum length of a stored meal plan or program schedule as JSON text. Plans list every meal
 * and ingredient of seven days, so they can exceed the 20,000 characters allowed for other values.
 */
const PLAN_JSON_MAX_LENGTH = 1_000_000;

/**
 * Lists the coach and reminder sections, which an import takes back, in import order.
 * Conversations, meal plans and programs have no natural key. As in every section, a row equal
 * to one the account already contains (creation time included) is skipped.
 */
export function coachAndReminderSections(db: Database): DataSection[] {
  return [
    tableSection(db, "coachPrivacy", {
      table: coachConsents,
      userId: coachConsents.userId,
      orderBy: [coachConsents.userId],
    }),
    nestedSection(
      db,
      "coachConversations",
      {
        table: coachConversations,
        id: coachConversations.id,
        userId: coachConversations.userId,
        orderBy: [coachConversations.createdAt, coachConversations.id],
      },
      {
        table: coachMessages,
        parentId: coachMessages.conversationId,
        userId: coachMessages.userId,
        orderBy: [coachMessages.sequence],
        omit: [coachMessages.sequence],
        field: "messages",
      },
    ),
    tableSection(
      db,
      "coachMealPlans",
      {
        table: coachMealPlans,
        userId: coachMealPlans.userId,
        orderBy: [coachMealPlans.createdAt, coachMealPlans.id],
      },
      { jsonMaxLength: PLAN_JSON_MAX_LENGTH, checkRow: checkMealPlan },
    ),
    nestedSection(
      db,
      "coachPrograms",
      {
        table: coachPrograms,
        id: coachPrograms.id,
        userId: coachPrograms.userId,
        orderBy: [coachPrograms.createdAt, coachPrograms.id],
        jsonMaxLength: PLAN_JSON_MAX_LENGTH,
        checkRow: checkProgram,
      },
      {
        table: coachProgramSets,
        parentId: coachProgramSets.programId,
        userId: coachProgramSets.userId,
        orderBy: [
          coachProgramSets.programId,
          coachProgramSets.week,
          coachProgramSets.session,
          coachProgramSets.exerciseId,
          coachProgramSets.setNumber,
        ],
        field: "sets",
      },
    ),
    tableSection(
      db,
      "reminderSettings",
      {
        table: reminderSettings,
        userId: reminderSettings.userId,
        orderBy: [reminderSettings.userId],
      },
      { checkRow: checkReminderSettings },
    ),
    tableSection(
      db,
      "reminderRules",
      {
        table: reminderRules,
        userId: reminderRules.userId,
        orderBy: [reminderRules.createdAt, reminderRules.id],
      },
      { checkRow: checkReminderRule },
    ),
    tableSection(
      db,
      "notifications",
      {
        table: notifications,
        userId: notifications.userId,
        orderBy: [notifications.createdAt, notifications.id],
      },
      { checkRow: checkNotification },
    ),
  ];
}

/**
 * Lists the sections that record what happened to the account: push subscriptions, reminder
 * deliveries, coach model calls, sessions, remembered devices, imports and the audit log. They are
 * exported so the user sees everything stored about them, and an import skips them, because
 * recreating them would forge history (a cost ledger, a login from a device) in the new account.
 * Push subscriptions leave out the endpoint and its keys, which let anyone send to the browser,
 * and devices leave out the token hash.
 */
export function accountRecordSections(db: Database): DataSection[] {
  const exportOnly = { exportOnly: true };
  return [
    tableSection(
      db,
      "pushSubscriptions",
      {
        table: pushSubscriptions,
        userId: pushSubscriptions.userId,
        orderBy: [pushSubscriptions.createdAt, pushSubscriptions.id],
      },
      {
        ...exportOnly,
        omit: [pushSubscriptions.endpoint, pushSubscriptions.p256dh, pushSubscriptions.auth],
      },
    ),
    tableSection(
      db,
      "reminderDeliveries",
      {
        table: reminderDeliveries,
        userId: reminderDeliveries.userId,
        orderBy: [reminderDeliveries.createdAt, reminderDeliveries.id],
      },
      exportOnly,
    ),
    tableSection(
      db,
      "coachCalls",
      { table: coachCalls, userId: coachCalls.userId, orderBy: [coachCalls.sequence] },
      exportOnly,
    ),
    tableSection(
      db,
      "sessions",
      { table: sessions, userId: sessions.userId, orderBy: [sessions.createdAt, sessions.id] },
      exportOnly,
    ),
    tableSection(
      db,
      "knownDevices",
      {
        table: knownDevices,
        userId: knownDevices.userId,
        orderBy: [knownDevices.createdAt, knownDevices.id],
      },
      { ...exportOnly, omit: [knownDevices.tokenHash] },
    ),
    tableSection(
      db,
      "imports",
      {
        table: importJobs,
        userId: importJobs.userId,
        orderBy: [importJobs.createdAt, importJobs.id],
      },
      exportOnly,
    ),
    tableSection(
      db,
      "auditEvents",
      { table: auditEvents, userId: auditEvents.userId, orderBy: [auditEvents.sequence] },
      exportOnly,
    ),
  ];
}
