import { describe, expect, it } from "vitest";

import { describeDevice } from "./device-label";

describe("describeDevice", () => {
  it("strips controls from an unknown user agent", () => {
    const label = describeDevice(undefined, "curl\u0085/8\u009b\r\nX-Evil: 1", "web");

    expect(label).toBe("curl/8 X-Evil: 1");
  });

  it("strips bidi overrides from a device name", () => {
    expect(describeDevice("Pixel\u202e 8", null, "native")).toBe("Pixel 8");
  });

  it("names known browsers", () => {
    const userAgent =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36";

    expect(describeDevice(undefined, userAgent, "web")).toContain("Windows");
  });
});
