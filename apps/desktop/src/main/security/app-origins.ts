/**
 * Scheme under which the packaged pages are served. A custom standard scheme gives the pages a
 * real origin (fitcoach://app), unlike file://, so CSP 'self', CORS and storage work per page.
 */
export const APP_SCHEME = "fitcoach";

/** Origin of the FitCoach web app (the renderer build). */
export const RENDERER_ORIGIN = `${APP_SCHEME}://app`;

/** Origin of the first-run page that asks for the server URL. */
export const SETUP_ORIGIN = `${APP_SCHEME}://setup`;

export const RENDERER_START_URL = `${RENDERER_ORIGIN}/`;
export const SETUP_START_URL = `${SETUP_ORIGIN}/index.html`;

/**
 * Returns the origin of a URL as scheme://host[:port], or null when it cannot be parsed. Node's
 * URL reports "null" as the origin of non-special schemes, so it is built by hand here.
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.host === "") return null;
  return `${parsed.protocol}//${parsed.host}`;
}

/** Returns whether a URL belongs to one of the app's own pages. */
export function isAppUrl(url: string): boolean {
  const origin = originOf(url);
  return origin === RENDERER_ORIGIN || origin === SETUP_ORIGIN;
}
