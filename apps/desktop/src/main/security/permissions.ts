import type { Session } from "electron";

import { originOf, RENDERER_ORIGIN } from "./app-origins";

/**
 * Permissions the web app may use. Copying text to the clipboard is the only one; notifications
 * go through the preload API, so the web Notification permission stays denied.
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(["clipboard-sanitized-write"]);

/** Returns whether a page at requestingUrl (a URL or an origin) may use a permission. */
export function isPermissionAllowed(permission: string, requestingUrl: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && originOf(requestingUrl) === RENDERER_ORIGIN;
}

/** Denies every permission request and check that is not in ALLOWED_PERMISSIONS, devices too. */
export function installPermissionHandlers(
  session: Session,
  onDenied: (permission: string) => void,
): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const isAllowed = isPermissionAllowed(permission, details.requestingUrl);
    if (!isAllowed) onDenied(permission);
    callback(isAllowed);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);
}
