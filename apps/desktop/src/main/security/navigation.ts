import type { WebContents } from "electron";

import { isAppUrl, originOf } from "./app-origins";

export const EXTERNAL_URL_MAX_LENGTH = 2048;

/**
 * Returns whether a URL may be handed to the system browser: http or https only, without
 * credentials. Other schemes (file:, smb:, custom handlers) could start local programs.
 */
export function isAllowedExternalUrl(url: string): boolean {
  if (url.length > EXTERNAL_URL_MAX_LENGTH) return false;

  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return false;
  return parsed.username === "" && parsed.password === "";
}

/** Returns whether a page at currentUrl may navigate to targetUrl: same app origin only. */
export function isAllowedNavigation(currentUrl: string, targetUrl: string): boolean {
  if (!isAppUrl(targetUrl)) return false;
  // The first load of a window has no current page; the main process chose that URL itself.
  if (currentUrl === "" || currentUrl === "about:blank") return true;
  return originOf(currentUrl) === originOf(targetUrl);
}

export interface NavigationGuardOptions {
  openExternal(url: string): Promise<void>;
  onBlocked(details: { kind: string; url: string }): void;
}

/**
 * Keeps a web contents on the app's own pages. Links to other sites open in the system browser
 * after the allow-list check, and nothing can open a new Electron window or attach a webview.
 */
export function guardNavigation(contents: WebContents, options: NavigationGuardOptions): void {
  function sendToSystemBrowser(url: string, kind: string): void {
    if (isAllowedExternalUrl(url)) {
      options.openExternal(url).catch(() => options.onBlocked({ kind: "open-external", url }));
    } else {
      options.onBlocked({ kind, url });
    }
  }

  contents.setWindowOpenHandler(({ url }) => {
    sendToSystemBrowser(url, "window-open");
    return { action: "deny" };
  });

  contents.on("will-navigate", (event) => {
    if (isAllowedNavigation(contents.getURL(), event.url)) return;
    event.preventDefault();
    sendToSystemBrowser(event.url, "navigation");
  });

  contents.on("will-frame-navigate", (event) => {
    if (event.isMainFrame) return;
    if (isAllowedNavigation(contents.getURL(), event.url)) return;
    event.preventDefault();
    options.onBlocked({ kind: "frame-navigation", url: event.url });
  });

  contents.on("will-redirect", (event) => {
    if (!event.isMainFrame || isAppUrl(event.url)) return;
    event.preventDefault();
    options.onBlocked({ kind: "redirect", url: event.url });
  });

  contents.on("will-attach-webview", (event) => {
    event.preventDefault();
    options.onBlocked({ kind: "webview", url: "" });
  });
}
