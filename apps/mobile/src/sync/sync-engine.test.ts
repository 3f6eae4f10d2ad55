import { GLASS_ML, dayCardSchema, reminderRuleSchema } from "@fitcoach/contract";
import type { ReminderRule } from "@fitcoach/contract";

import { queueRuleEnabled, rulePath } from "../features/reminders/reminder-writes";
import { queueEntry, queueEntryDeletion } from "../features/today/day-writes";
import { addDays, todayOnDevice } from "../platform/local-date";
import { listWrites, resolveConflict } from "./write-queue";
import { readCachedResource, writeCachedResource } from "../storage/cached-resources";
import type { MobileRuntime } from "../runtime/mobile-runtime";
import { logInElsewhere, signUpAndLogIn } from "../../test/accounts";
import { createTestDevice } from "../../test/device";
import { WHEN_UNLOCKED_THIS_DEVICE_ONLY, storedItems } from "../../test/expo-secure-store-stand-in";
import { filesInFolder } from "../../test/local-stores";
import { sharedServerUrl } from "../../test/shared-server";
import type { Exchange } from "../../test/simulated-network";

const serverUrl = sharedServerUrl();

interface LoggedDay {
  date: string;
  waterMl: number;
  mood: number;
  weightKg: number;
}

/**
 * Logs a week as a user in airplane mode would: two glasses of water, a mood and a weight for each
 * of the last seven days. Returns what was logged and the Idempotency-Keys in queue order.
 */
async function logWeekOffline(
  runtime: MobileRuntime,
): Promise<{ days: LoggedDay[]; keys: string[] }> {
  const days: LoggedDay[] = [];
  for (let offset = 6; offset >= 0; offset -= 1) {
    const date = addDays(todayOnDevice(), -offset);
    const day = { date, waterMl: 2 * GLASS_ML, mood: 1 + (offset % 5), weightKg: 70 + offset / 10 };
    await queueEntry(runtime, "water", date, { date, ml: GLASS_ML });
    await queueEntry(runtime, "water", date, { date, ml: GLASS_ML });
    await queueEntry(runtime, "mood", date, { date, score: day.mood });
    await queueEntry(runtime, "body", date, { date, weightKg: day.weightKg });
    days.push(day);
  }
  const keys = (await listWrites(runtime.database)).map((write) => write.idempotencyKey);
  return { days, keys };
}

/** Reads each logged day back from the server and checks it contains exactly what was logged. */
async function expectDaysOnServer(runtime: MobileRuntime, days: LoggedDay[]): Promise<void> {
  for (const day of days) {
    const card = await runtime.api.request({ path: `/days/${day.date}`, schema: dayCardSchema });
    expect(card.water.totalMl).toBe(day.waterMl);
    expect(card.water.entries).toHaveLength(2);
    expect(card.mood.map((entry) => entry.score)).toEqual([day.mood]);
    expect(card.body).toHaveLength(1);
    expect(card.weight?.kg).toBe(day.weightKg);
  }
}

function appliedWrites(exchanges: Exchange[]): Exchange[] {
  return exchanges.filter((exchange) => exchange.idempotencyKey && !exchange.isReplay);
}

/** Adds a bedtime rule on the server and returns it as the device saw it. */
async function createBedtimeRule(runtime: MobileRuntime): Promise<ReminderRule> {
  return runtime.api.request({
    method: "POST",
    path: "/reminders/rules",
    body: { kind: "bedtime", time: "22:30" },
    schema: reminderRuleSchema,
  });
}

describe("sync engine against the server", () => {
  it("sends a week of offline writes once, in order", async () => {
    const device = createTestDevice(serverUrl);
    const runtime = await device.launch();
    runtime.scheduler.dispose();
    await signUpAndLogIn(runtime, "week");
    device.network.setOffline(true);

    const { days, keys } = await logWeekOffline(runtime);
    const offline = await runtime.engine.sync();
    device.network.setOffline(false);
    const online = await runtime.engine.sync();

    expect(offline.state).toBe("offline");
    expect(online).toEqual({ state: "idle", sent: 28, retryAfterMs: null });
    const applied = appliedWrites(device.network.exchanges);
    expect(applied.map((exchange) => exchange.idempotencyKey)).toEqual(keys);
    expect(applied.every((exchange) => exchange.status === 201)).toBe(true);
    expect(await listWrites(runtime.database)).toEqual([]);
    await expectDaysOnServer(runtime, days);
    runtime.dispose();
  });

  it("replays the write in flight after a crash", async () => {
    const device = createTestDevice(serverUrl);
    const first = await device.launch();
    first.scheduler.dispose();
    await signUpAndLogIn(first, "crash");
    device.network.setOffline(true);
    const { days, keys } = await logWeekOffline(first);

    device.network.setOffline(false);
    const killed = device.network.killAfterWrites(10);
    void first.engine.sync();
    await killed;
    const second = await device.launch();
    second.scheduler.dispose();
    const result = await second.engine.sync();

    expect(result).toEqual({ state: "idle", sent: 18, retryAfterMs: null });
    const writes = device.network.exchanges.filter((exchange) => exchange.idempotencyKey);
    expect(writes.map((exchange) => exchange.idempotencyKey)).toEqual([
      ...keys.slice(0, 11),
      ...keys.slice(10),
    ]);
    expect(writes.filter((exchange) => exchange.isReplay).map((e) => e.idempotencyKey)).toEqual([
      keys[10],
    ]);
    expect(appliedWrites(writes).map((exchange) => exchange.idempotencyKey)).toEqual(keys);
    expect(await listWrites(second.database)).toEqual([]);
    await expectDaysOnServer(second, days);
    second.dispose();
  });

  it("wipes local data when the server revokes the session", async () => {
    const device = createTestDevice(serverUrl);
    const runtime = await device.launch();
    runtime.scheduler.dispose();
    const email = await signUpAndLogIn(runtime, "revoked");
    await writeCachedResource(runtime.database, "/me", await runtime.api.me.get(), null);
    const other = await logInElsewhere(serverUrl, email);
    const wiped = new Promise((resolve) => runtime.onWiped(resolve));
    await runtime.write({
      method: "PATCH",
      path: "/me",
      body: { units: "imperial" },
      kind: "profile-update",
      entityKey: "me",
    });

    await other.auth.logoutAll();
    const result = await runtime.engine.sync();
    const reason = await wiped;

    expect(result.state).toBe("session-ended");
    expect(reason).toBe("session-ended");
    expect(await listWrites(runtime.database)).toEqual([]);
    expect(await readCachedResource(runtime.database, "/me")).toBeNull();
    expect((await runtime.api.readTokens()).refreshToken).toBeNull();
    expect((await runtime.api.readTokens()).accessToken).toBeNull();
    runtime.dispose();
  });

  it("surfaces a conflict with both versions", async () => {
    const device = createTestDevice(serverUrl);
    const runtime = await device.launch();
    runtime.scheduler.dispose();
    const email = await signUpAndLogIn(runtime, "conflict");
    const rule = await createBedtimeRule(runtime);
    const other = await logInElsewhere(serverUrl, email);
    device.network.setOffline(true);
    await queueRuleEnabled(runtime, rule, false);
    await runtime.write({
      method: "PATCH",
      path: "/me",
      body: { waterGoalMl: 2000 },
      kind: "profile-update",
      entityKey: "me",
    });

    await other.request({
      method: "PATCH",
      path: rulePath(rule.id),
      body: { time: "23:00" },
      ifMatch: `"v${rule.version}"`,
    });
    device.network.setOffline(false);
    const result = await runtime.engine.sync();
    const [conflict] = await listWrites(runtime.database);

    expect(result).toEqual({ state: "blocked", sent: 1, retryAfterMs: null });
    expect(conflict?.status).toBe("conflict");
    expect(conflict?.problem?.status).toBe(412);
    expect(conflict?.body).toEqual({ enabled: false });
    expect(conflict?.serverVersion?.etag).toBe('"v2"');
    expect(conflict?.serverVersion?.body).toMatchObject({ time: "23:00", enabled: true });
    expect((await runtime.api.me.get()).waterGoalMl).toBe(2000);
    runtime.dispose();
  });

  it("keeps my change over the server's", async () => {
    const device = createTestDevice(serverUrl);
    const runtime = await device.launch();
    runtime.scheduler.dispose();
    const email = await signUpAndLogIn(runtime, "mine");
    const rule = await createBedtimeRule(runtime);
    const other = await logInElsewhere(serverUrl, email);
    await queueRuleEnabled(runtime, rule, false);
    await other.request({
      method: "PATCH",
      path: rulePath(rule.id),
      body: { time: "23:00" },
      ifMatch: `"v${rule.version}"`,
    });
    await runtime.engine.sync();
    const [conflict] = await listWrites(runtime.database);

    await runtime.database.transaction((executor) =>
      resolveConflict(executor, conflict!.id, "mine"),
    );
    const result = await runtime.engine.sync();
    const stored = await runtime.api.request({
      path: rulePath(rule.id),
      schema: reminderRuleSchema,
    });

    expect(result.state).toBe("idle");
    expect(stored).toMatchObject({ enabled: false, time: "23:00", version: 3 });
    expect(await listWrites(runtime.database)).toEqual([]);
    runtime.dispose();
  });

  it("drops my change for the server's", async () => {
    const device = createTestDevice(serverUrl);
    const runtime = await device.launch();
    runtime.scheduler.dispose();
    const email = await signUpAndLogIn(runtime, "theirs");
    const rule = await createBedtimeRule(runtime);
    const other = await logInElsewhere(serverUrl, email);
    await queueRuleEnabled(runtime, rule, false);
    await other.request({
      method: "PATCH",
      path: rulePath(rule.id),
      body: { time: "23:00" },
      ifMatch: `"v${rule.version}"`,
    });
    await runtime.engine.sync();
    const [conflict] = await listWrites(runtime.database);

    await runtime.database.transaction((executor) =>
      resolveConflict(executor, conflict!.id, "theirs"),
    );
    const result = await runtime.engine.sync();
    const stored = await runtime.api.request({
      path: rulePath(rule.id),
      schema: reminderRuleSchema,
    });

    expect(result.state).toBe("idle");
    expect(stored).toMatchObject({ enabled: true, time: "23:00", version: 2 });
    expect(await listWrites(runtime.database)).toEqual([]);
    runtime.dispose();
  });

  it("keeps tokens only in the secure store", async () => {
    const device = createTestDevice(serverUrl);
    const runtime = await device.launch();
    runtime.scheduler.dispose();
    await signUpAndLogIn(runtime, "tokens");
    await writeCachedResource(runtime.database, "/me", await runtime.api.me.get(), null);
    await logWeekOffline(runtime);
    await runtime.engine.sync();

    const tokens = await runtime.api.readTokens();
    const item = storedItems.get("fitcoach.tokens");
    expect(JSON.parse(item?.value ?? "{}")).toEqual(tokens);
    expect(item?.options.keychainAccessible).toBe(WHEN_UNLOCKED_THIS_DEVICE_ONLY);
    const secrets = [tokens.accessToken, tokens.refreshToken, tokens.deviceToken];
    expect(secrets.every((secret) => typeof secret === "string" && secret.length > 20)).toBe(true);
    const files = filesInFolder(device.databaseFolder);
    expect(files.map((file) => file.name)).toEqual(["fitcoach.db"]);
    for (const secret of secrets) expect(files[0]!.text).not.toContain(secret);
    runtime.dispose();
  });

  it("deletes an entry created offline", async () => {
    const device = createTestDevice(serverUrl);
    const runtime = await device.launch();
    runtime.scheduler.dispose();
    await signUpAndLogIn(runtime, "undo");
    const date = todayOnDevice();
    device.network.setOffline(true);
    await queueEntry(runtime, "water", date, { date, ml: GLASS_ML });
    const mistake = await queueEntry(runtime, "water", date, { date, ml: 2 * GLASS_ML });

    await queueEntryDeletion(runtime, "water", {
      id: `pending:${mistake.idempotencyKey}`,
      version: 0,
    });
    device.network.setOffline(false);
    const result = await runtime.engine.sync();
    const card = await runtime.api.request({ path: `/days/${date}`, schema: dayCardSchema });

    expect(result).toEqual({ state: "idle", sent: 3, retryAfterMs: null });
    expect(card.water.entries.map((entry) => entry.ml)).toEqual([GLASS_ML]);
    const deletion = device.network.exchanges.find((exchange) => exchange.method === "DELETE");
    expect(deletion?.status).toBe(204);
    runtime.dispose();
  });
});
