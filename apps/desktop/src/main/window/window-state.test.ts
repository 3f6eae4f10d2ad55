import { describe, expect, test } from "vitest";

import {
  DEFAULT_WINDOW_HEIGHT,
  DEFAULT_WINDOW_WIDTH,
  MIN_WINDOW_WIDTH,
  restoreWindowBounds,
} from "./window-state";

const laptop = { x: 0, y: 0, width: 1440, height: 900 };
const monitorOnRight = { x: 1440, y: 0, width: 2560, height: 1440 };

describe("restoreWindowBounds", () => {
  test("uses defaults on first run", () => {
    expect(restoreWindowBounds(undefined, [laptop])).toEqual({
      width: DEFAULT_WINDOW_WIDTH,
      height: DEFAULT_WINDOW_HEIGHT,
      isMaximized: false,
    });
  });

  test("restores a visible window", () => {
    const saved = { x: 1600, y: 100, width: 1200, height: 800, isMaximized: true };

    expect(restoreWindowBounds(saved, [laptop, monitorOnRight])).toEqual(saved);
  });

  test("centres a window on a lost monitor", () => {
    const saved = { x: 1600, y: 100, width: 1200, height: 800, isMaximized: false };

    expect(restoreWindowBounds(saved, [laptop])).toEqual({
      width: 1200,
      height: 800,
      isMaximized: false,
    });
  });

  test("centres a window barely on screen", () => {
    const saved = { x: 1400, y: 100, width: 900, height: 700, isMaximized: false };

    const bounds = restoreWindowBounds(saved, [laptop]);

    expect(bounds.x).toBeUndefined();
    expect(bounds.y).toBeUndefined();
  });

  test("shrinks a window larger than every display", () => {
    const saved = { x: 0, y: 0, width: 5000, height: 3000, isMaximized: false };

    const bounds = restoreWindowBounds(saved, [laptop]);

    expect(bounds.width).toBe(1440);
    expect(bounds.height).toBe(900);
  });

  test("grows a window below the minimum", () => {
    const saved = { x: 10, y: 10, width: 50, height: 50, isMaximized: false };

    expect(restoreWindowBounds(saved, [laptop]).width).toBe(MIN_WINDOW_WIDTH);
  });
});
