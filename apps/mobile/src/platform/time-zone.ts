/** IANA time zone of the device, such as Europe/Prague, or undefined when the runtime has none. */
export function deviceTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
  } catch {
    return undefined;
  }
}
