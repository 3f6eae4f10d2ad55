import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestApp, type TestApp } from "../../../test/helpers/app";
import { call, signIn, type SignedInUser } from "../../../test/helpers/tracking";

describe("export limits", () => {
  let subject: TestApp;
  let user: SignedInUser;
  let other: SignedInUser;

  beforeAll(async () => {
    subject = await createTestApp({ env: { RATE_LIMIT_EXPORT: "2/hour" } });
    user = await signIn(subject);
    other = await signIn(subject);
  });
  afterAll(async () => {
    await subject.close();
  });

  it("limits exports per account", async () => {
    const answers = [];
    for (let index = 0; index < 3; index += 1) {
      answers.push(await call(subject, user, "GET", "/api/v1/me/export"));
    }
    const otherAccount = await call(subject, other, "GET", "/api/v1/me/export");

    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 429]);
    expect(answers[2]!.headers["content-type"]).toContain("application/problem+json");
    expect(Number(answers[2]!.headers["retry-after"])).toBeGreaterThan(0);
    expect(otherAccount.status).toBe(200);
  });

  it("answers parallel exports without a server error", async () => {
    // Sign-ups run one after another: each drains the mail jobs of the one before.
    const accounts: SignedInUser[] = [];
    for (let index = 0; index < 3; index += 1) accounts.push(await signIn(subject));

    const answers = await Promise.all(
      accounts.map((account) => call(subject, account, "GET", "/api/v1/me/export?format=csv")),
    );

    for (const answer of answers) {
      expect([200, 503]).toContain(answer.status);
    }
    expect(answers.some((answer) => answer.status === 200)).toBe(true);
  });
});
