// Tests run in Node, where the system's notification scheduler does not exist. This stand-in keeps
// scheduled notifications in a list that tests read, and grants permission unless a test denies it.

export enum AndroidImportance {
  DEFAULT = 3,
}

export enum SchedulableTriggerInputTypes {
  DATE = "date",
}

export interface NotificationRequest {
  identifier: string;
  content: { title: string; body: string; data?: Record<string, unknown> };
  trigger: { type: string; date: Date; channelId?: string };
}

/** Notifications scheduled and not cancelled, in the order they were scheduled. */
export const scheduledNotifications: NotificationRequest[] = [];
/** Channels created, by id. */
export const notificationChannels = new Map<string, { name: string }>();

let isGranted = true;

/** Makes permission requests succeed or fail, as the user's choice in the system prompt would. */
export function setPermissionGranted(granted: boolean): void {
  isGranted = granted;
}

export async function getPermissionsAsync(): Promise<{ granted: boolean }> {
  return { granted: isGranted };
}

export async function requestPermissionsAsync(): Promise<{ granted: boolean }> {
  return { granted: isGranted };
}

export async function setNotificationChannelAsync(
  channelId: string,
  channel: { name: string },
): Promise<void> {
  notificationChannels.set(channelId, channel);
}

export async function scheduleNotificationAsync(request: NotificationRequest): Promise<string> {
  scheduledNotifications.push(request);
  return request.identifier;
}

export async function getAllScheduledNotificationsAsync(): Promise<NotificationRequest[]> {
  return [...scheduledNotifications];
}

export async function cancelScheduledNotificationAsync(identifier: string): Promise<void> {
  const index = scheduledNotifications.findIndex((request) => request.identifier === identifier);
  if (index !== -1) scheduledNotifications.splice(index, 1);
}
