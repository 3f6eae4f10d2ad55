import type { ApiClient } from "@fitcoach/client";
import type { PushSubscriptionRequest, PushSubscriptionView } from "@fitcoach/contract";

import { safeStorageGet } from "../../app/theme";

/** Id of this browser's subscription on the server, to mark it in the device list. */
const SUBSCRIPTION_ID_KEY = "fitcoach.push.subscriptionId";
/** Endpoint the server last received from this browser; a different one means it changed. */
const SUBSCRIPTION_ENDPOINT_KEY = "fitcoach.push.endpoint";

/** Reason web push cannot be set up here, or "supported". */
export type PushSupport = "supported" | "unsupported" | "no-worker" | "desktop";

/** The browser features push needs; tests pass stand-ins. */
export interface PushEnvironment {
  serviceWorker: ServiceWorkerContainer | undefined;
  notification:
    | { permission: NotificationPermission; requestPermission(): Promise<NotificationPermission> }
    | undefined;
}

export function browserPushEnvironment(): PushEnvironment {
  return {
    serviceWorker: "serviceWorker" in navigator ? navigator.serviceWorker : undefined,
    notification: typeof Notification === "undefined" ? undefined : Notification,
  };
}

/** Notification permission the user refused or dismissed; only the browser's settings can change it. */
export class PushPermissionError extends Error {
  readonly permission: NotificationPermission;

  constructor(permission: NotificationPermission) {
    super(`Notification permission is ${permission}.`);
    this.name = "PushPermissionError";
    this.permission = permission;
  }
}

/**
 * Returns the registration of the app's service worker, which carries the push subscription, or
 * null when none is registered (development server, private windows of some browsers).
 */
export async function findRegistration(
  environment: PushEnvironment,
): Promise<ServiceWorkerRegistration | null> {
  if (!environment.serviceWorker) return null;
  return (await environment.serviceWorker.getRegistration("/")) ?? null;
}

export async function pushSupport(
  environment: PushEnvironment,
  isDesktop: boolean,
): Promise<PushSupport> {
  if (isDesktop) return "desktop";
  if (!environment.serviceWorker || !environment.notification) return "unsupported";
  const registration = await findRegistration(environment);
  if (!registration) return "no-worker";
  return "pushManager" in registration ? "supported" : "unsupported";
}

/** Decodes the VAPID public key from base64url into the bytes `applicationServerKey` expects. */
export function decodeBase64Url(value: string): Uint8Array<ArrayBuffer> {
  const base64 = value.replaceAll("-", "+").replaceAll("_", "/").replace(/=+$/, "");
  const padded = base64 + "=".repeat((4 - (base64.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** Builds the body of POST /push/subscriptions from a browser subscription. */
export function toSubscriptionRequest(subscription: PushSubscription): PushSubscriptionRequest {
  const json = subscription.toJSON();
  return {
    endpoint: subscription.endpoint,
    expirationTime: json.expirationTime ?? null,
    keys: { p256dh: json.keys?.p256dh ?? "", auth: json.keys?.auth ?? "" },
  };
}

/** Returns the id the server gave this browser's subscription, if it has one. */
export function thisDeviceSubscriptionId(): string | null {
  return safeStorageGet(SUBSCRIPTION_ID_KEY);
}

function remember(view: PushSubscriptionView | null, endpoint: string | null): void {
  storeOrRemove(SUBSCRIPTION_ID_KEY, view?.id ?? null);
  storeOrRemove(SUBSCRIPTION_ENDPOINT_KEY, endpoint);
}

function storeOrRemove(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // Storage can be off; the device list then just does not mark this browser.
  }
}

/**
 * Asks for notification permission, subscribes this browser with the server's VAPID key and
 * registers the subscription. A subscription made with another key is replaced, because the
 * push service would reject the server's messages for it.
 */
export async function subscribeThisDevice(
  api: ApiClient,
  environment: PushEnvironment,
): Promise<PushSubscriptionView> {
  const registration = await findRegistration(environment);
  if (!registration || !environment.notification) throw new PushPermissionError("denied");
  const permission = await environment.notification.requestPermission();
  if (permission !== "granted") throw new PushPermissionError(permission);

  const subscription = await subscribeWithServerKey(api, registration);
  const view = await api.push.subscribe(toSubscriptionRequest(subscription));
  remember(view, subscription.endpoint);
  return view;
}

/** Ends this browser's subscription in the browser and on the server. */
export async function unsubscribeThisDevice(
  api: ApiClient,
  environment: PushEnvironment,
): Promise<void> {
  const registration = await findRegistration(environment);
  const subscription = await registration?.pushManager.getSubscription();
  if (subscription) {
    await api.push.unsubscribe(subscription.endpoint).catch((error: unknown) => {
      // The server may have removed it already after a 410 from the push service, which is fine.
      if ((error as { status?: number }).status !== 404) throw error;
    });
    await subscription.unsubscribe();
  }
  remember(null, null);
}

/**
 * Ends this browser's push subscription because its account is logging out, so the next person
 * on a shared browser does not receive the previous account's reminders. Pass `api` while the
 * session is still valid to remove the server's copy first. Without it, or when that request
 * fails, only the browser's subscription ends. The push service then rejects messages for the
 * old endpoint, and the server deletes its copy after that rejection.
 */
export async function releaseSubscriptionAtLogout(
  environment: PushEnvironment,
  api?: ApiClient,
): Promise<void> {
  try {
    const registration = await findRegistration(environment);
    const subscription =
      registration && "pushManager" in registration
        ? await registration.pushManager.getSubscription()
        : null;
    if (subscription && api) {
      await api.push.unsubscribe(subscription.endpoint).catch((error: unknown) => {
        // Logging out must not fail because of this request.
        console.warn("Removing this browser's push subscription on the server failed.", error);
      });
    }
    await subscription?.unsubscribe();
  } finally {
    remember(null, null);
  }
}

/**
 * Registers this browser's current subscription again after the browser replaced it, which the
 * service worker reports with a `push-subscription-changed` message. When the browser dropped the
 * subscription without a successor, a new one is made if this browser had one and still has
 * permission. Does nothing for a browser that never subscribed here.
 */
export async function resyncSubscription(
  api: ApiClient,
  environment: PushEnvironment,
): Promise<boolean> {
  const registration = await findRegistration(environment);
  if (!registration || !("pushManager" in registration)) return false;
  const wasSubscribed = safeStorageGet(SUBSCRIPTION_ENDPOINT_KEY) !== null;
  let subscription = await registration.pushManager.getSubscription();
  if (!subscription) {
    if (!wasSubscribed || environment.notification?.permission !== "granted") return false;
    subscription = await subscribeWithServerKey(api, registration);
  }
  const view = await api.push.subscribe(toSubscriptionRequest(subscription));
  remember(view, subscription.endpoint);
  return true;
}

/** Tells whether this browser's subscription differs from the one the server last received. */
export async function hasSubscriptionChanged(environment: PushEnvironment): Promise<boolean> {
  const stored = safeStorageGet(SUBSCRIPTION_ENDPOINT_KEY);
  if (stored === null) return false;
  const registration = await findRegistration(environment);
  if (!registration || !("pushManager" in registration)) return false;
  const subscription = await registration.pushManager.getSubscription();
  return subscription?.endpoint !== stored;
}

async function subscribeWithServerKey(
  api: ApiClient,
  registration: ServiceWorkerRegistration,
): Promise<PushSubscription> {
  const key = decodeBase64Url(await api.push.publicKey());
  const existing = await registration.pushManager.getSubscription();
  if (existing && hasKey(existing, key)) return existing;
  await existing?.unsubscribe();
  return registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
}

function hasKey(subscription: PushSubscription, key: Uint8Array): boolean {
  const current = subscription.options.applicationServerKey;
  if (!current) return false;
  const bytes = new Uint8Array(current);
  return bytes.length === key.length && bytes.every((byte, index) => byte === key[index]);
}
