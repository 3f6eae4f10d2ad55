import { ProblemError } from "@fitcoach/client";

import { signUpAndLogIn } from "../../../test/accounts";
import { createTestDevice } from "../../../test/device";
import { sharedServerUrl } from "../../../test/shared-server";
import { streamCoachChat } from "./coach-chat";

const serverUrl = sharedServerUrl();

describe("coach chat against the server", () => {
  it("streams the builtin coach's reply", async () => {
    const device = createTestDevice(serverUrl);
    const runtime = await device.launch();
    runtime.scheduler.dispose();
    await signUpAndLogIn(runtime, "chat");
    const deltas: string[] = [];

    const reply = await streamCoachChat(
      runtime,
      { message: "How much water should I drink?" },
      (text) => deltas.push(text),
    );
    const followUp = await streamCoachChat(
      runtime,
      { message: "And on training days?", conversationId: reply.conversationId },
      () => undefined,
    );

    expect(reply.provider).toBe("builtin");
    expect(reply.reply.length).toBeGreaterThan(0);
    expect(deltas.join("").length).toBeGreaterThan(0);
    expect(followUp.conversationId).toBe(reply.conversationId);
    runtime.dispose();
  });

  it("rejects an empty message before streaming", async () => {
    const device = createTestDevice(serverUrl);
    const runtime = await device.launch();
    runtime.scheduler.dispose();
    await signUpAndLogIn(runtime, "empty-chat");

    const failure = await streamCoachChat(runtime, { message: " " }, () => undefined).catch(
      (error: unknown) => error,
    );

    expect(failure).toBeInstanceOf(ProblemError);
    expect((failure as ProblemError).status).toBe(400);
    runtime.dispose();
  });
});
