import { Platform } from "react-native";
import Constants from "expo-constants";

const DEVICE_NAME_MAX_LENGTH = 100;

/**
 * Names this device in the account's session list, such as "Pixel 8 (android)", so the user can
 * tell which session to end.
 */
export function deviceName(): string {
  const model = Constants.deviceName?.trim();
  const name = model ? `${model} (${Platform.OS})` : `FitCoach ${Platform.OS}`;
  return name.slice(0, DEVICE_NAME_MAX_LENGTH);
}
