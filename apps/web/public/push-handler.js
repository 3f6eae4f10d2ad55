// Web push handling for the FitCoach service worker: shows reminders that the server sends and
// opens the screen a reminder belongs to when it is clicked. The file is self-contained so a
// classic service worker can load it with importScripts("/push-handler.js").
//
// The server sends JSON: { kind, title, body, url, tag, notificationId? }, where `url` is a path
// in the web app such as /day/2026-03-29.

const FALLBACK_PATH = "/today";
const ICON_PATH = "/icons/icon-192.png";

self.addEventListener("push", (event) => {
  const message = readPushMessage(event);
  event.waitUntil(
    self.registration.showNotification(message.title, {
      body: message.body,
      tag: message.tag,
      icon: ICON_PATH,
      badge: ICON_PATH,
      timestamp: Date.now(),
      data: { url: message.url, notificationId: message.notificationId },
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const data = event.notification.data || {};
  event.waitUntil(openPath(sameOriginPath(data.url)));
});

// Browsers may replace a subscription on their own. The worker has no access token, so it asks
// the open pages to register the new subscription with the server the next time they can.
self.addEventListener("pushsubscriptionchange", (event) => {
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then((windows) => {
      for (const client of windows) client.postMessage({ type: "push-subscription-changed" });
    }),
  );
});

/** Reads the push payload; a payload that is not JSON is shown as plain text. */
function readPushMessage(event) {
  const message = {
    title: "FitCoach",
    body: "",
    url: FALLBACK_PATH,
    tag: "fitcoach",
    notificationId: undefined,
  };
  if (!event.data) return message;
  try {
    const data = event.data.json();
    if (typeof data.title === "string") message.title = data.title;
    if (typeof data.body === "string") message.body = data.body;
    if (typeof data.url === "string") message.url = data.url;
    if (typeof data.tag === "string") message.tag = data.tag;
    if (typeof data.notificationId === "string") message.notificationId = data.notificationId;
  } catch {
    message.body = event.data.text();
  }
  return message;
}

/**
 * Returns the path if it stays on this origin, else the Today screen. This repeats the rules of
 * toSafeAppPath in src/app/safe-path.ts, because this classic script cannot import the app's
 * modules. URL parsers drop tab, LF and CR and read "\\" as "/", so "/\t/host" would open
 * another site. Such characters, any whitespace and other control characters are refused, and
 * the resolved URL must keep this origin.
 */
function sameOriginPath(path) {
  if (typeof path !== "string" || !path.startsWith("/") || path.startsWith("//")) {
    return FALLBACK_PATH;
  }
  if (/[\s\\\p{Cc}]/u.test(path)) return FALLBACK_PATH;
  try {
    if (new URL(path, self.location.origin).origin !== self.location.origin) return FALLBACK_PATH;
  } catch {
    return FALLBACK_PATH;
  }
  return path;
}

/** Focuses an open FitCoach window on the path, or opens a new one. */
async function openPath(path) {
  const target = new URL(path, self.location.origin).href;
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  const open = windows.find((client) => new URL(client.url).origin === self.location.origin);
  if (!open) return self.clients.openWindow(target);

  // navigate() works only on pages this worker controls; otherwise focusing is all it can do.
  const focused = await open.focus();
  if ("navigate" in focused && open.url !== target) {
    await focused.navigate(target).catch(() => undefined);
  }
  return focused;
}
