// The desktop shell owns this API. Its type file contains only types, so this import adds nothing
// to the web bundle and the two apps cannot drift apart.
export type {
  DesktopNotification,
  DesktopTokenName,
  DesktopTokenStore,
  FitcoachDesktopApi,
  QuickLogRequest,
} from "../../../desktop/src/preload-api";
import type { FitcoachDesktopApi } from "../../../desktop/src/preload-api";

/** Returns the desktop shell's API, or null when the app runs in a browser. */
export function findDesktopApi(): FitcoachDesktopApi | null {
  return window.fitcoachDesktop ?? null;
}
