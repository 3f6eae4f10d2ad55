import { describe, expect, test } from "vitest";

import type { QuickLogRequest } from "../../preload-api";
import { buildTrayMenu } from "./quick-log";
import type { TrayMenuActions } from "./quick-log";

function recordActions(): { actions: TrayMenuActions; calls: unknown[] } {
  const calls: unknown[] = [];
  return {
    calls,
    actions: {
      openWindow: () => calls.push("open"),
      quickLog: (request: QuickLogRequest) => calls.push(request),
      changeServer: () => calls.push("change-server"),
      installUpdate: () => calls.push("install-update"),
      quit: () => calls.push("quit"),
    },
  };
}

function clickItem(menu: ReturnType<typeof buildTrayMenu>, label: string): void {
  const item = menu.find((entry) => entry.label === label);
  if (item?.click === undefined) throw new TypeError(`No clickable item "${label}".`);
  item.click();
}

describe("buildTrayMenu", () => {
  test("adds water in millilitres", () => {
    const { actions, calls } = recordActions();
    const menu = buildTrayMenu(actions, false);

    clickItem(menu, "Add 250 ml water");
    clickItem(menu, "Add 500 ml water");

    expect(calls).toEqual([
      { action: "add-water", amountMl: 250 },
      { action: "add-water", amountMl: 500 },
    ]);
  });

  test("opens the quick log", () => {
    const { actions, calls } = recordActions();

    clickItem(buildTrayMenu(actions, false), "Log today…");

    expect(calls).toEqual([{ action: "open-quick-log" }]);
  });

  test("hides the update item until ready", () => {
    const { actions } = recordActions();

    const beforeReady = buildTrayMenu(actions, false).find(
      (item) => item.label === "Restart to update",
    );
    const whenReady = buildTrayMenu(actions, true).find(
      (item) => item.label === "Restart to update",
    );

    expect(beforeReady?.visible).toBe(false);
    expect(whenReady?.visible).toBe(true);
  });

  test("quits from the menu", () => {
    const { actions, calls } = recordActions();

    clickItem(buildTrayMenu(actions, false), "Quit FitCoach");

    expect(calls).toEqual(["quit"]);
  });
});
