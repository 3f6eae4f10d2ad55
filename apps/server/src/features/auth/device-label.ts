import { toSafeSingleLine } from "@fitcoach/contract";

const LABEL_MAX_LENGTH = 100;

const BROWSERS: [RegExp, string][] = [
  [/Edg\//, "Edge"],
  [/OPR\//, "Opera"],
  [/Firefox\//, "Firefox"],
  [/Chrome\//, "Chrome"],
  [/Safari\//, "Safari"],
];

const SYSTEMS: [RegExp, string][] = [
  [/Android/, "Android"],
  [/iPhone|iPad|iOS/, "iOS"],
  [/Windows/, "Windows"],
  [/Mac OS X|Macintosh/, "macOS"],
  [/Linux/, "Linux"],
];

/**
 * Returns the label shown in the session list: the name a native client sent, else a short
 * "Browser on System" guessed from the user agent. The guess is for people, never for decisions.
 */
export function describeDevice(
  deviceName: string | undefined,
  userAgent: string | null,
  clientType: "web" | "native",
): string {
  const named = deviceName === undefined ? undefined : toSafeSingleLine(deviceName).trim();
  if (named) return named.slice(0, LABEL_MAX_LENGTH);
  if (!userAgent) return clientType === "native" ? "FitCoach app" : "Web browser";

  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  if (browser && system) return `${browser} on ${system}`;
  return (browser ?? system ?? toSafeSingleLine(userAgent).trim()).slice(0, LABEL_MAX_LENGTH);
}
