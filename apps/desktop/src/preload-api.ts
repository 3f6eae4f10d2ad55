// Types of the API that the desktop preload script exposes to the web app as
// `window.fitcoachDesktop`. This file contains types only, so the web app can import it without
// pulling desktop code into its bundle.

/** Name of a secret the desktop app keeps in the OS keychain for the web client. */
export type DesktopTokenName = "refreshToken" | "deviceToken";

/** Native notification that the web app requests from the desktop app, such as a reminder. */
export interface DesktopNotification {
  /** Heading, 1 to 100 characters without control characters. */
  title: string;
  /** Text under the heading, up to 500 characters; line breaks are allowed. */
  body: string;
}

/** Request from the tray menu or the global shortcut, handled by the web app. */
export type QuickLogRequest =
  { action: "open-quick-log" } | { action: "add-water"; amountMl: number };

/** Result of changing the server URL; `reason` is a sentence to show to the user. */
export type ServerUrlResult = { ok: true; serverUrl: string } | { ok: false; reason: string };

/**
 * Secret storage backed by Electron's safeStorage. Values never touch localStorage or plain files.
 * Every method rejects when it is called from a page other than the FitCoach web app.
 */
export interface DesktopTokenStore {
  /** Resolves to the stored value, or null when none is stored. */
  get(name: DesktopTokenName): Promise<string | null>;
  /** Stores a token; rejects unless it is 16 to 256 characters of [A-Za-z0-9_-]. */
  set(name: DesktopTokenName, value: string): Promise<void>;
  clear(name: DesktopTokenName): Promise<void>;
  /**
   * Resolves to false when no OS keychain is available (some Linux desktops). Tokens then live in
   * memory only and the user has to log in again after a restart.
   */
  isPersistent(): Promise<boolean>;
}

/** API of the desktop shell, present only when the web app runs inside it. */
export interface FitcoachDesktopApi {
  /** Version of this API; it grows when members are added or changed. */
  readonly apiVersion: 1;
  /** Resolves to the FitCoach server URL without a trailing slash, such as https://fit.example.com. */
  getServerUrl(): Promise<string | null>;
  /**
   * Checks and stores a new server URL: https is required except for localhost, and the server must
   * pass its health check. On success the stored tokens are cleared and the app reloads.
   */
  setServerUrl(url: string): Promise<ServerUrlResult>;
  readonly tokenStore: DesktopTokenStore;
  /** Shows a native notification; resolves to false when it was dropped by the rate limit. */
  notify(notification: DesktopNotification): Promise<boolean>;
  /**
   * Registers a listener for tray and shortcut requests and returns a function that removes it.
   * Requests that arrive before the first listener are kept (up to 10) and delivered to it.
   */
  onQuickLog(listener: (request: QuickLogRequest) => void): () => void;
}

declare global {
  interface Window {
    readonly fitcoachDesktop?: FitcoachDesktopApi;
  }
}
