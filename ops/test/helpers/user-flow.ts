import { randomBytes } from "node:crypto";

import { httpsRequest } from "./https";
import { databaseQuery, execIn } from "./stack";
import type { Stack } from "./stack";

/**
 * How the stack test puts a user's data into the running stack:
 * - "api": register, verify the email with the link from the mail catcher, log in and log water,
 *   all through the published HTTPS port.
 * - "database": rows written with psql, among them a mail job that the server delivers to the
 *   mail catcher over STARTTLS, so the production mail path is still proven.
 * The API flow is the default; OPS_TEST_USER_FLOW=database selects the other.
 */
export const USER_FLOW: "api" | "database" =
  process.env.OPS_TEST_USER_FLOW === "database" ? "database" : "api";

export interface SeededUser {
  email: string;
  password: string;
}

interface CaughtMessage {
  ID: string;
  To: { Address: string }[];
  Subject: string;
  Text?: string;
}

const MAIL_TIMEOUT_MS = 60_000;

/** Registers and verifies a user through the API, then logs water twice; returns the credentials. */
export async function seedThroughApi(stack: Stack, proxyCa: string): Promise<SeededUser> {
  const email = `ops-${randomBytes(4).toString("hex")}@example.com`;
  const password = `ops test ${randomBytes(12).toString("hex")} walks far`;
  const post = (route: string, json: unknown, headers: Record<string, string> = {}) =>
    httpsRequest(`${stack.origin}${route}`, { method: "POST", json, headers, ca: proxyCa });

  const registered = await post("/api/v1/auth/register", { email, password, name: "Ops Test" });
  expectSuccess(registered, "register");

  const mail = await waitForMail(stack, (message) => message.To.some((to) => to.Address === email));
  const token = /verify-email\?token=([^\s"'<>&]+)/.exec(mail.Text ?? "")?.[1];
  if (!token) throw new Error(`the verification mail has no verify-email link:\n${mail.Text}`);
  expectSuccess(
    await post("/api/v1/auth/verify-email", { token: decodeURIComponent(token) }),
    "verify-email",
  );

  const accessToken = await logIn(stack, proxyCa, { email, password });
  const today = new Date().toISOString().slice(0, 10);
  for (const ml of [250, 500]) {
    const logged = await post(
      "/api/v1/water",
      { date: today, ml },
      { authorization: `Bearer ${accessToken}` },
    );
    expectSuccess(logged, "water");
  }
  return { email, password };
}

/** Logs in as a native client and returns the access token; throws when the login fails. */
export async function logIn(stack: Stack, proxyCa: string, user: SeededUser): Promise<string> {
  const response = await httpsRequest(`${stack.origin}/api/v1/auth/login`, {
    method: "POST",
    json: { email: user.email, password: user.password },
    headers: { "x-client-type": "native" },
    ca: proxyCa,
  });
  expectSuccess(response, "login");
  const body = JSON.parse(response.body) as { accessToken?: string; refreshToken?: string };
  if (!body.accessToken || !body.refreshToken)
    throw new Error(`login returned no tokens: ${response.body}`);
  return body.accessToken;
}

/**
 * Writes job rows the worker never claims (their kind has no handler and they are due in a year),
 * plus one mail job, and waits until the server has delivered that mail to the catcher.
 */
export async function seedThroughDatabase(stack: Stack): Promise<void> {
  const query = databaseQuery(stack);
  const recipient = `ops-${randomBytes(4).toString("hex")}@example.com`;
  const link = `${stack.origin}/verify-email?token=ops-test-${randomBytes(8).toString("hex")}`;
  const payload = JSON.stringify({
    to: recipient,
    subject: "Confirm your FitCoach address",
    text: `Open ${link} to confirm your address.`,
    html: `<p>Open <a href="${link}">this link</a> to confirm your address.</p>`,
    link,
    template: "ops-test",
  });

  await query(`
    INSERT INTO jobs (kind, payload, run_at)
      SELECT 'ops-test.marker', jsonb_build_object('n', n, 'note', E'water 250 ml\\nsleep 7 h'),
             now() + interval '1 year'
      FROM generate_series(1, 40) AS n;
    INSERT INTO jobs (kind, payload, max_attempts) VALUES ('mail.send', '${payload.replaceAll("'", "''")}', 3);`);

  const mail = await waitForMail(stack, (message) =>
    message.To.some((to) => to.Address === recipient),
  );
  if (!mail.Text?.includes(link))
    throw new Error(`the delivered mail lacks the link:\n${mail.Text}`);
}

/** Waits until no job is due or running, so the tables stop changing. */
export async function waitForIdleJobs(stack: Stack): Promise<void> {
  const query = databaseQuery(stack);
  const deadline = Date.now() + MAIL_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const pending = await query(
      "SELECT count(*) FROM jobs WHERE completed_at IS NULL AND failed_at IS NULL AND run_at <= now();",
    );
    if (pending.trim() === "0") return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("jobs are still pending after 60 s");
}

async function waitForMail(
  stack: Stack,
  matches: (message: CaughtMessage) => boolean,
): Promise<CaughtMessage> {
  const deadline = Date.now() + MAIL_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const list = JSON.parse(await mailApi(stack, "/api/v1/messages")) as {
      messages: CaughtMessage[];
    };
    const found = list.messages.find(matches);
    if (found)
      return JSON.parse(await mailApi(stack, `/api/v1/message/${found.ID}`)) as CaughtMessage;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("no matching mail reached the mail catcher within 60 s");
}

// The catcher sits on the internal network only, so its API is read from inside its container.
function mailApi(stack: Stack, route: string): Promise<string> {
  const script = `fetch("http://127.0.0.1:8025${route}").then((r) => r.text()).then((t) => process.stdout.write(t))`;
  return execIn(stack, "mail", ["node", "-e", script]);
}

function expectSuccess(response: { status: number; body: string }, step: string): void {
  if (response.status < 200 || response.status > 299) {
    throw new Error(`${step} returned ${response.status}: ${response.body}`);
  }
}
