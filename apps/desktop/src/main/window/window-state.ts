import { z } from "zod";

export const DEFAULT_WINDOW_WIDTH = 1100;
export const DEFAULT_WINDOW_HEIGHT = 760;
export const MIN_WINDOW_WIDTH = 420;
export const MIN_WINDOW_HEIGHT = 560;

/** Smallest part of a restored window, in pixels per side, that must lie on a display. */
const MIN_VISIBLE_PIXELS = 80;

const MAX_COORDINATE = 100_000;

export const windowStateSchema = z.object({
  x: z.number().int().min(-MAX_COORDINATE).max(MAX_COORDINATE),
  y: z.number().int().min(-MAX_COORDINATE).max(MAX_COORDINATE),
  width: z.number().int().min(1).max(MAX_COORDINATE),
  height: z.number().int().min(1).max(MAX_COORDINATE),
  isMaximized: z.boolean(),
});

/** Size and place of the main window, as saved between runs (normal bounds, not maximized). */
export type WindowState = z.infer<typeof windowStateSchema>;

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Bounds to open the window with; x and y are absent when the window should be centred. */
export interface RestoredBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  isMaximized: boolean;
}

/**
 * Turns the saved state into bounds for the displays attached now. A window whose saved place is
 * no longer on any display (a monitor was unplugged) is centred instead, and a window larger than
 * every display is shrunk to fit.
 */
export function restoreWindowBounds(
  saved: WindowState | undefined,
  workAreas: readonly Rectangle[],
): RestoredBounds {
  if (saved === undefined) {
    return { width: DEFAULT_WINDOW_WIDTH, height: DEFAULT_WINDOW_HEIGHT, isMaximized: false };
  }

  const largestWidth = Math.max(MIN_WINDOW_WIDTH, ...workAreas.map((area) => area.width));
  const largestHeight = Math.max(MIN_WINDOW_HEIGHT, ...workAreas.map((area) => area.height));
  const width = clamp(saved.width, MIN_WINDOW_WIDTH, largestWidth);
  const height = clamp(saved.height, MIN_WINDOW_HEIGHT, largestHeight);

  const bounds = { x: saved.x, y: saved.y, width, height };
  if (!workAreas.some((area) => overlapsEnough(bounds, area))) {
    return { width, height, isMaximized: saved.isMaximized };
  }
  return { ...bounds, isMaximized: saved.isMaximized };
}

function overlapsEnough(window: Rectangle, area: Rectangle): boolean {
  const overlapWidth =
    Math.min(window.x + window.width, area.x + area.width) - Math.max(window.x, area.x);
  const overlapHeight =
    Math.min(window.y + window.height, area.y + area.height) - Math.max(window.y, area.y);
  return overlapWidth >= MIN_VISIBLE_PIXELS && overlapHeight >= MIN_VISIBLE_PIXELS;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
