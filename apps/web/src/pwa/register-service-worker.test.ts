import { describe, expect, it } from "vitest";

import { shouldRegisterServiceWorker } from "./register-service-worker";

describe("shouldRegisterServiceWorker", () => {
  it.each([
    ["https:", false, true],
    ["http:", false, true],
    ["fitcoach:", false, false],
    ["fitcoach:", true, false],
    ["http:", true, false],
  ])("%s with desktop %s gives %s", (protocol, isDesktop, expected) => {
    expect(shouldRegisterServiceWorker(protocol, isDesktop)).toBe(expected);
  });
});
