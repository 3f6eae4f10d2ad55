import "intl-pluralrules";
import * as ExpoCrypto from "expo-crypto";

/**
 * Gives Hermes what the shared code expects of a browser. Expo's runtime already adds URL,
 * AbortSignal.timeout and AbortSignal.any. Hermes has no `crypto` global, and
 * createIdempotencyKey needs crypto.randomUUID from a secure source, which expo-crypto takes from
 * the operating system. Hermes also lacks Intl.PluralRules, which i18next needs for plural forms;
 * the import above adds it only where it is missing.
 */
export function installPolyfills(): void {
  const scope = globalThis as { crypto?: Partial<Crypto> };
  scope.crypto ??= {};
  scope.crypto.randomUUID ??= ExpoCrypto.randomUUID as Crypto["randomUUID"];
  scope.crypto.getRandomValues ??= ExpoCrypto.getRandomValues as Crypto["getRandomValues"];
}
