// Tests run in Node, where the Keychain and Keystore behind expo-secure-store do not exist. This
// stand-in keeps items in memory, checks keys as the real module does, and lets tests read every
// item and every option used.

export const AFTER_FIRST_UNLOCK = 0;
export const AFTER_FIRST_UNLOCK_THIS_DEVICE_ONLY = 1;
export const ALWAYS = 2;
export const WHEN_PASSCODE_SET_THIS_DEVICE_ONLY = 3;
export const ALWAYS_THIS_DEVICE_ONLY = 4;
export const WHEN_UNLOCKED = 5;
export const WHEN_UNLOCKED_THIS_DEVICE_ONLY = 6;

export interface SecureStoreOptions {
  keychainService?: string;
  requireAuthentication?: boolean;
  keychainAccessible?: number;
}

/** Items stored so far, by key. */
export const storedItems = new Map<string, { value: string; options: SecureStoreOptions }>();

function checkKey(key: string): void {
  if (!/^[\w.-]+$/.test(key)) {
    throw new Error(
      `Invalid key "${key}": keys may contain only letters, digits, ".", "-" and "_".`,
    );
  }
}

export async function isAvailableAsync(): Promise<boolean> {
  return true;
}

export async function getItemAsync(key: string): Promise<string | null> {
  checkKey(key);
  return storedItems.get(key)?.value ?? null;
}

export async function setItemAsync(
  key: string,
  value: string,
  options: SecureStoreOptions = {},
): Promise<void> {
  checkKey(key);
  if (typeof value !== "string") throw new TypeError("SecureStore stores strings only.");
  storedItems.set(key, { value, options });
}

export async function deleteItemAsync(key: string): Promise<void> {
  checkKey(key);
  storedItems.delete(key);
}
