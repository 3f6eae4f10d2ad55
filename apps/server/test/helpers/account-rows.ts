import type { Database } from "../../src/platform/database";
import {
  coachCalls,
  coachConsents,
  coachConversations,
  coachMealPlans,
  coachMessages,
  coachPrograms,
  coachProgramSets,
} from "../../src/features/coach/coach.tables";
import type { ProgramSchedule } from "../../src/features/coach/coach.tables";
import {
  notifications,
  pushSubscriptions,
} from "../../src/features/notifications/notifications.tables";
import {
  reminderDeliveries,
  reminderRules,
  reminderSettings,
} from "../../src/features/reminders/reminders.tables";

/**
 * Secret values of the push subscription that {@link addCoachAndReminderRows} writes; the
 * endpoint ends with the user id, because endpoints are unique across accounts.
 */
export const PUSH_SECRETS = {
  endpoint: "https://push.example.test/send/",
  p256dh: "BPUSH-P256DH-KEY-VALUE",
  auth: "PUSH-AUTH-SECRET",
};

/**
 * Writes one row or more of every coach, reminder and notification table for a user, with the
 * values the features store, for export and deletion tests.
 */
export async function addCoachAndReminderRows(db: Database, userId: string): Promise<void> {
  const at = (iso: string): Date => new Date(iso);

  await db.insert(coachConsents).values({
    userId,
    meals: true,
    sleep: true,
    updatedAt: at("2026-03-01T08:00:00Z"),
  });

  const [conversation] = await db
    .insert(coachConversations)
    .values({
      userId,
      title: "Protein on rest days",
      messageCount: 2,
      createdAt: at("2026-03-02T09:00:00Z"),
      updatedAt: at("2026-03-02T09:00:05Z"),
    })
    .returning();
  await db.insert(coachMessages).values({
    conversationId: conversation!.id,
    userId,
    role: "user",
    content: "=SUM(A1:A2) how much protein?",
    createdAt: at("2026-03-02T09:00:00Z"),
  });
  await db.insert(coachMessages).values({
    conversationId: conversation!.id,
    userId,
    role: "assistant",
    content: "About 1.6 g per kg of body weight.",
    provider: "builtin",
    createdAt: at("2026-03-02T09:00:05Z"),
  });

  await db.insert(coachMealPlans).values({
    userId,
    status: "accepted",
    startDate: "2026-03-10",
    // The one plan day is already in the meal log, so the prefill job leaves the plan alone.
    prefilledThrough: "2026-03-10",
    plan: {
      targets: { kcal: 2100, protein: 130, carbs: 230, fat: 70, fiber: 30 },
      days: [
        {
          day: 1,
          meals: [
            {
              slot: "breakfast",
              items: [
                {
                  foodId: "09040",
                  description: "Bananas, raw",
                  grams: 118,
                  kcal: 105,
                  protein: 1.3,
                  carbs: 27,
                  fat: 0.4,
                  fiber: 3.1,
                },
              ],
              totals: { kcal: 105, protein: 1.3, carbs: 27, fat: 0.4, fiber: 3.1 },
            },
          ],
          totals: { kcal: 105, protein: 1.3, carbs: 27, fat: 0.4, fiber: 3.1 },
          deviationPercent: { kcal: -95, protein: -99, carbs: -88, fat: -99 },
        },
      ],
      rule: "Mifflin-St Jeor",
    },
    createdAt: at("2026-03-09T18:00:00Z"),
    acceptedAt: at("2026-03-09T18:05:00Z"),
  });

  const schedule: ProgramSchedule = [
    {
      week: 1,
      isDeload: false,
      sessions: [
        {
          session: 1,
          name: "Full body A",
          exercises: [
            {
              exerciseId: "Barbell_Squat",
              name: "Barbell Squat",
              equipment: "barbell",
              primaryMuscles: ["quadriceps"],
              sets: 3,
              reps: 5,
              durationMinutes: null,
              percentOneRepMax: 0.75,
              weightKg: 60,
              restSeconds: 180,
            },
          ],
        },
      ],
    },
  ];
  const [program] = await db
    .insert(coachPrograms)
    .values({
      userId,
      status: "active",
      name: "Strength base",
      goal: "strength",
      level: "beginner",
      daysPerWeek: 3,
      equipment: ["barbell", "bench"],
      rule: "Linear progression",
      schedule,
      startDate: "2026-03-16",
      createdAt: at("2026-03-15T10:00:00Z"),
    })
    .returning();
  await db.insert(coachProgramSets).values([
    {
      programId: program!.id,
      userId,
      week: 1,
      session: 1,
      exerciseId: "Barbell_Squat",
      setNumber: 1,
      date: "2026-03-16",
      reps: 5,
      weightKg: 60.5,
      createdAt: at("2026-03-16T17:00:00Z"),
    },
    {
      programId: program!.id,
      userId,
      week: 1,
      session: 1,
      exerciseId: "Barbell_Squat",
      setNumber: 2,
      date: "2026-03-16",
      reps: 5,
      weightKg: 62.5,
      createdAt: at("2026-03-16T17:03:00Z"),
    },
  ]);

  await db.insert(coachCalls).values({
    userId,
    agent: "chat",
    provider: "builtin",
    model: "builtin",
    areas: ["meals"],
    inputTokens: 120,
    outputTokens: 40,
    costMicroUsd: 0,
    outcome: "ok",
    durationMs: 35,
    createdAt: at("2026-03-02T09:00:05Z"),
  });

  await db.insert(reminderSettings).values({
    userId,
    quietHoursEnabled: true,
    quietStart: "22:30",
    quietEnd: "06:45",
    weeklySummaryEnabled: true,
    updatedAt: at("2026-03-03T07:00:00Z"),
  });
  const [rule] = await db
    .insert(reminderRules)
    .values({
      userId,
      kind: "water",
      enabled: true,
      channel: "push",
      weekdays: [1, 2, 3, 4, 5],
      startTime: "09:00",
      endTime: "18:00",
      intervalMinutes: 90,
      scheduleChangedAt: at("2026-03-03T07:00:00Z"),
      createdAt: at("2026-03-03T07:00:00Z"),
      updatedAt: at("2026-03-03T07:00:00Z"),
    })
    .returning();
  await db.insert(reminderRules).values({
    userId,
    kind: "meal",
    enabled: false,
    channel: "in-app",
    weekdays: [6, 7],
    time: "12:30",
    mealType: "lunch",
    version: 3,
    scheduleChangedAt: at("2026-03-04T07:00:00Z"),
    createdAt: at("2026-03-03T07:01:00Z"),
    updatedAt: at("2026-03-04T07:00:00Z"),
  });
  await db.insert(reminderDeliveries).values({
    userId,
    ruleId: rule!.id,
    sourceKey: `rule:${rule!.id}:2026-03-04T09:00`,
    kind: "water",
    channel: "push",
    status: "sent",
    slotAt: at("2026-03-04T08:00:00Z"),
    createdAt: at("2026-03-04T08:00:00Z"),
    updatedAt: at("2026-03-04T08:00:01Z"),
    sentAt: at("2026-03-04T08:00:01Z"),
  });

  await db.insert(notifications).values([
    {
      userId,
      kind: "reminder",
      title: "Time for water",
      body: "+ a glass now keeps you on track",
      url: "/water",
      sourceKey: `rule:${rule!.id}:2026-03-04T09:00`,
      createdAt: at("2026-03-04T08:00:00Z"),
      readAt: at("2026-03-04T08:30:00Z"),
    },
    {
      userId,
      kind: "weekly-summary",
      title: "Your week",
      body: "You logged 5 of 7 days.",
      createdAt: at("2026-03-09T07:00:00Z"),
    },
  ]);

  await db.insert(pushSubscriptions).values({
    userId,
    ...PUSH_SECRETS,
    endpoint: `${PUSH_SECRETS.endpoint}${userId}`,
    deviceLabel: "Firefox on Linux",
    createdAt: at("2026-03-03T07:00:00Z"),
    lastSuccessAt: at("2026-03-04T08:00:01Z"),
    failureCount: 0,
  });
}
