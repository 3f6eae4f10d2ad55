import { afterEach, describe, expect, it } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { sendJson, sendProblem } from "@fitcoach/client/test-server";

import { renderApp, stopServers } from "../../../test/render-app";
import { bodiesOf, noContent, routeTable } from "../../../test/route-table";

afterEach(stopServers);

const CONVERSATION_ID = "5b1c8f8e-2f3a-4d5e-9a7b-1c2d3e4f5a6b";
const OTHER_ID = "6c2d9f9f-3a4b-4e6f-8b8c-2d3e4f5a6b7c";

function conversation(id: string, title: string, messages: { role: string; content: string }[]) {
  return {
    id,
    title,
    messageCount: messages.length,
    createdAt: "2026-03-29T10:00:00.000Z",
    updatedAt: "2026-03-29T10:01:00.000Z",
    messages: messages.map((message, index) => ({
      id: `${id.slice(0, 8)}-0000-4000-8000-00000000000${index}`,
      role: message.role,
      content: message.content,
      provider: message.role === "assistant" ? "builtin" : null,
      createdAt: "2026-03-29T10:00:00.000Z",
    })),
  };
}

const STORED = conversation(CONVERSATION_ID, "How did I sleep?", [
  { role: "user", content: "How did I sleep?" },
  { role: "assistant", content: "You slept **7 hours** on average." },
]);

describe("coach chat", () => {
  it("streams a reply into a new conversation", async () => {
    let releaseRest: () => void = () => undefined;
    const rest = new Promise<void>((resolve) => {
      releaseRest = resolve;
    });
    let isStored = false;
    const app = await renderApp(
      "/coach/chat",
      routeTable({
        "GET /api/v1/coach/conversations": (_request, response) =>
          sendJson(response, 200, { items: isStored ? [{ ...STORED, messages: undefined }] : [] }),
        "POST /api/v1/coach/chat": async (_request, response) => {
          response.writeHead(200, { "content-type": "text/event-stream" });
          response.write('event: note\ndata: {"text":"The model sees only your message."}\n\n');
          response.write('event: delta\ndata: {"text":"You slept "}\n\n');
          await rest;
          isStored = true;
          response.end(
            `event: delta\ndata: {"text":"**7 hours** on average."}\n\nevent: done\ndata: ${JSON.stringify(
              {
                reply: "You slept **7 hours** on average.",
                conversationId: CONVERSATION_ID,
                provider: "builtin",
                model: "builtin",
                notes: ["The model sees only your message."],
              },
            )}\n\n`,
          );
        },
        [`GET /api/v1/coach/conversations/${CONVERSATION_ID}`]: STORED,
      }),
      { accessToken: "a1", session: "signed-in" },
    );
    const user = userEvent.setup();

    await user.type(await screen.findByLabelText("Message to the coach"), "How did I sleep?");
    await user.click(screen.getByRole("button", { name: "Send" }));

    const messages = await screen.findByRole("list", { name: "Messages" });
    expect(await within(messages).findByText("You slept")).toBeInTheDocument();
    expect(within(messages).getByText("The model sees only your message.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Stop" })).toBeInTheDocument();
    releaseRest();
    await waitFor(() => expect(app.location()).toBe(`/coach/chat/${CONVERSATION_ID}`));
    const stored = await screen.findByRole("list", { name: "Messages" });
    expect((await within(stored).findByText("7 hours")).tagName).toBe("STRONG");
    expect(screen.getByRole("heading", { name: "How did I sleep?" })).toBeInTheDocument();
    expect(screen.getByLabelText("Message to the coach")).toHaveValue("");
    const list = screen.getByRole("region", { name: "Conversations" });
    expect(await within(list).findByRole("link", { name: "How did I sleep?" })).toHaveAttribute(
      "aria-current",
      "page",
    );
    const chat = app.server.requests.find((request) => request.path === "/api/v1/coach/chat");
    expect(chat?.headers.accept).toBe("text/event-stream, application/problem+json");
    expect(JSON.parse(chat!.body)).toEqual({ message: "How did I sleep?" });
  });

  it("keeps the message after a refusal", async () => {
    await renderApp(
      "/coach/chat",
      routeTable({
        "GET /api/v1/coach/conversations": { items: [] },
        "POST /api/v1/coach/chat": (_request, response) =>
          sendProblem(response, 429, "rate-limited", {}, { "retry-after": "5" }),
      }),
      { accessToken: "a1", session: "signed-in" },
    );
    const user = userEvent.setup();

    await user.type(await screen.findByLabelText("Message to the coach"), "Plan my week");
    await user.click(screen.getByRole("button", { name: "Send" }));

    expect(
      await screen.findByText("Too many attempts. Wait 5 seconds and try again."),
    ).toBeInTheDocument();
    expect(screen.getByLabelText("Message to the coach")).toHaveValue("Plan my week");
  });

  it("sends nothing for a blank message", async () => {
    const app = await renderApp(
      "/coach/chat",
      routeTable({ "GET /api/v1/coach/conversations": { items: [] } }),
      { accessToken: "a1", session: "signed-in" },
    );
    const user = userEvent.setup();

    await user.type(await screen.findByLabelText("Message to the coach"), "   ");
    await user.click(screen.getByRole("button", { name: "Send" }));

    expect(await screen.findByText("Write a message first.")).toBeInTheDocument();
    expect(app.server.requests.some((request) => request.path === "/api/v1/coach/chat")).toBe(
      false,
    );
  });

  it("renders stored replies sanitised", async () => {
    const hostile = conversation(CONVERSATION_ID, "Tricks", [
      { role: "user", content: "<b>bold?</b>" },
      {
        role: "assistant",
        content:
          'Look <img src=x onerror="alert(1)"> ![leak](https://evil.example/x.png) [run](javascript:alert(2))',
      },
    ]);
    const { container } = await renderApp(
      `/coach/chat/${CONVERSATION_ID}`,
      routeTable({
        "GET /api/v1/coach/conversations": { items: [] },
        [`GET /api/v1/coach/conversations/${CONVERSATION_ID}`]: hostile,
      }),
      { accessToken: "a1", session: "signed-in" },
    );

    const messages = await screen.findByRole("list", { name: "Messages" });

    expect(within(messages).getByText("<b>bold?</b>")).toBeInTheDocument();
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("[onerror]")).toBeNull();
    expect(container.querySelector('a[href^="javascript"]')).toBeNull();
    expect(messages).toHaveTextContent('Look <img src=x onerror="alert(1)">');
  });

  it("deletes one and then all conversations", async () => {
    const list = {
      items: [
        { ...STORED, messages: undefined },
        { ...conversation(OTHER_ID, "Protein", []), messages: undefined },
      ],
    };
    const app = await renderApp(
      `/coach/chat/${CONVERSATION_ID}`,
      routeTable({
        "GET /api/v1/coach/conversations": list,
        [`GET /api/v1/coach/conversations/${CONVERSATION_ID}`]: STORED,
        [`DELETE /api/v1/coach/conversations/${OTHER_ID}`]: noContent,
        "DELETE /api/v1/coach/conversations": noContent,
      }),
      { accessToken: "a1", session: "signed-in" },
    );
    const user = userEvent.setup();
    const section = await screen.findByRole("region", { name: "Conversations" });

    await user.click(await within(section).findByRole("button", { name: "Delete Protein" }));
    await user.click(within(section).getByRole("button", { name: "Delete all conversations" }));
    const confirm = within(section).getByRole("group", { name: "Delete all conversations" });
    expect(confirm).toHaveTextContent("Delete all 2 conversations?");
    await user.click(within(confirm).getByRole("button", { name: "Delete all" }));

    await waitFor(() => expect(app.location()).toBe("/coach/chat"));
    const deletes = app.server.requests
      .filter((request) => request.method === "DELETE")
      .map((request) => request.path);
    expect(deletes).toEqual([
      `/api/v1/coach/conversations/${OTHER_ID}`,
      "/api/v1/coach/conversations",
    ]);
    expect(bodiesOf(app.server.requests, "DELETE /api/v1/coach/conversations")).toEqual([null]);
  });
});
