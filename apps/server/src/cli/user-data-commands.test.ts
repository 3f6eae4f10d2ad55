import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { users } from "../features/accounts/accounts.tables";
import { auditEvents } from "../features/audit/audit.tables";
import { coachMessages } from "../features/coach/coach.tables";
import { reminderRules } from "../features/reminders/reminders.tables";
import { waterEntries } from "../features/water/water.tables";
import { createTestApp, testConfig } from "../../test/helpers/app";
import type { TestApp } from "../../test/helpers/app";
import { addCoachAndReminderRows } from "../../test/helpers/account-rows";
import { accountsUserId, call, signIn } from "../../test/helpers/tracking";
import type { SignedInUser } from "../../test/helpers/tracking";
import { COMMANDS } from "./commands";

describe("user data commands", () => {
  let subject: TestApp;
  let outputDir: string;

  beforeAll(async () => {
    subject = await createTestApp();
    outputDir = mkdtempSync(path.join(tmpdir(), "fitcoach-cli-export-"));
  });
  afterAll(async () => {
    await subject.close();
    rmSync(outputDir, { recursive: true, force: true });
  });

  async function run(
    name: string,
    args: string[] = [],
  ): Promise<{ code: number; output: string[] }> {
    const output: string[] = [];
    const config = testConfig({
      DATABASE_URL: subject.databaseUrl,
      DATA_DIR: subject.deps.config.dataDir,
    });
    const code = await COMMANDS[name]!.run({
      config,
      logger: subject.deps.logger,
      args,
      print: (line) => output.push(line),
    });
    return { code, output };
  }

  async function userWithData(): Promise<{ user: SignedInUser; userId: string }> {
    const user = await signIn(subject, { name: "Ola", timeZone: "Europe/Warsaw" });
    const userId = await accountsUserId(subject, user);
    await call(subject, user, "POST", "/api/v1/water", { date: "2026-04-01", ml: 500 });
    await addCoachAndReminderRows(subject.deps.database.db, userId);
    return { user, userId };
  }

  async function auditOf(userId: string, event: string) {
    return subject.deps.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.userId, userId), eq(auditEvents.event, event)));
  }

  function refresh(refreshToken: string) {
    return subject.app.inject({
      method: "POST",
      url: "/api/v1/auth/refresh",
      headers: { "x-client-type": "native" },
      payload: { refreshToken },
    });
  }

  it("exports the API document to a private file", async () => {
    const { user } = await userWithData();
    const out = path.join(outputDir, "ola.json");

    const result = await run("users:export", [user.email.toUpperCase(), "--out", out]);
    const written = JSON.parse(readFileSync(out, "utf8"));
    const api = await call(subject, user, "GET", "/api/v1/me/export");

    expect(result.code).toBe(0);
    expect(result.output[0]).toMatch(new RegExp(`^Wrote \\d+ row\\(s\\) of ${user.email} to `));
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(written.format).toBe("fitcoach-export");
    expect(written.version).toBe(2);
    expect(written.profile.name).toBe("Ola");
    expect(written.sections.water).toHaveLength(1);
    expect(written.sections.coachConversations[0].messages).toHaveLength(2);
    const { exportedAt: _a, sections: writtenSections, ...writtenRest } = written;
    const { exportedAt: _b, sections: apiSections, ...apiRest } = api.body;
    expect(writtenRest).toEqual(apiRest);
    // The API export adds its own audit event, which the file written before it does not list.
    const { auditEvents: _c, ...writtenData } = writtenSections;
    const { auditEvents: _d, ...apiData } = apiSections;
    expect(writtenData).toEqual(apiData);
  });

  it("records the export without health data", async () => {
    const { user, userId } = await userWithData();

    const result = await run("users:export", [user.email, "--out", path.join(outputDir, "a.json")]);
    const events = await auditOf(userId, "admin.user-exported");

    expect(result.code).toBe(0);
    expect(events).toHaveLength(1);
    expect(events[0]!.ip).toBe("cli");
    expect(events[0]!.severity).toBe("warning");
    expect(Object.keys(events[0]!.metadata).sort()).toEqual([
      "destination",
      "rows",
      "sections",
      "version",
    ]);
    expect(events[0]!.metadata.destination).toBe("file");
  });

  it("writes to stdout without --out", async () => {
    const { user } = await userWithData();

    const result = await run("users:export", [user.email]);
    const document = JSON.parse(result.output.join("\n"));

    expect(result.code).toBe(0);
    expect(document.account.email).toBe(user.email);
    expect(document.sections.reminderRules).toHaveLength(2);
  });

  it("never overwrites an existing file", async () => {
    const { user, userId } = await userWithData();
    const out = path.join(outputDir, "taken.json");
    writeFileSync(out, "keep me");

    const result = await run("users:export", [user.email, "--out", out]);

    expect(result.code).toBe(1);
    expect(result.output[0]).toBe(`${out} already exists; choose another file name.`);
    expect(readFileSync(out, "utf8")).toBe("keep me");
    expect(await auditOf(userId, "admin.user-exported")).toHaveLength(0);
  });

  it("rejects unknown users and options", async () => {
    const missing = await run("users:export", ["nobody@example.test"]);
    const noValue = run("users:export", ["someone@example.test", "--out"]);
    const unknown = run("users:delete", ["someone@example.test", "--force"]);
    const noEmail = run("users:delete", []);

    expect(missing.code).toBe(1);
    expect(missing.output[0]).toBe("No user with the email nobody@example.test.");
    await expect(noValue).rejects.toThrow("Missing value for --out.");
    await expect(unknown).rejects.toThrow("Unknown option: --force");
    await expect(noEmail).rejects.toThrow("Missing argument: email");
  });

  it("disables a user until the purge", async () => {
    const { user, userId } = await userWithData();
    const db = subject.deps.database.db;

    const result = await run("users:delete", [user.email]);
    const [row] = await db.select().from(users).where(eq(users.id, userId));
    const events = await auditOf(userId, "account.deletion.requested");

    expect(result.code).toBe(0);
    expect(result.output[0]).toMatch(/^Disabled .* unless the user logs in before then\.$/);
    expect(row!.disabledAt).not.toBeNull();
    const graceMs = subject.deps.config.auth.accountDeletionGraceDays * 86_400_000;
    expect(row!.deletionDueAt!.getTime() - row!.disabledAt!.getTime()).toBe(graceMs);
    expect((await refresh(user.refreshToken)).statusCode).toBe(401);
    expect(
      await db.select().from(waterEntries).where(eq(waterEntries.userId, userId)),
    ).toHaveLength(1);
    expect(events).toHaveLength(1);
    expect(events[0]!.ip).toBe("cli");
    expect(events[0]!.metadata).toMatchObject({ requestedBy: "admin" });
  });

  it("lets a login cancel the scheduled deletion", async () => {
    const { user, userId } = await userWithData();
    await run("users:delete", [user.email]);

    const login = await subject.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { "x-client-type": "native" },
      payload: { email: user.email, password: user.password },
    });
    const [row] = await subject.deps.database.db.select().from(users).where(eq(users.id, userId));

    expect(login.statusCode).toBe(200);
    expect(row!.deletionDueAt).toBeNull();
    expect(row!.disabledAt).toBeNull();
  });

  it("purges a user at once with --now", async () => {
    const { user, userId } = await userWithData();
    const bystander = await userWithData();
    const db = subject.deps.database.db;
    const uploads = path.join(subject.deps.config.dataDir, "uploads", userId);
    mkdirSync(uploads, { recursive: true });
    writeFileSync(path.join(uploads, `${"a".repeat(32)}.jpg`), "jpeg");

    const result = await run("users:delete", [user.email, "--now"]);
    const events = await auditOf(userId, "account.deleted");

    expect(result.code).toBe(0);
    expect(result.output[0]).toBe(`Deleted ${user.email} and every row and file of the account.`);
    expect(await db.select().from(users).where(eq(users.id, userId))).toEqual([]);
    expect(await db.select().from(waterEntries).where(eq(waterEntries.userId, userId))).toEqual([]);
    expect(await db.select().from(coachMessages).where(eq(coachMessages.userId, userId))).toEqual(
      [],
    );
    expect(await db.select().from(reminderRules).where(eq(reminderRules.userId, userId))).toEqual(
      [],
    );
    expect(existsSync(uploads)).toBe(false);
    expect(events).toHaveLength(1);
    expect(events[0]!.metadata).toEqual({ requestedBy: "admin", immediate: true });
    expect(
      await db.select().from(coachMessages).where(eq(coachMessages.userId, bystander.userId)),
    ).toHaveLength(2);
  });
});
