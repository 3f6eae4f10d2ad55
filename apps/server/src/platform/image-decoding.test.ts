import { describe, expect, it } from "vitest";

import { ProblemError } from "./errors";
import {
  IMAGE_DECODES_MAX,
  IMAGE_DECODES_WAITING_MAX,
  withImageDecodeSlot,
} from "./image-decoding";

describe("withImageDecodeSlot", () => {
  it("rejects work beyond the queue with 503", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const held = Array.from({ length: IMAGE_DECODES_MAX + IMAGE_DECODES_WAITING_MAX }, () =>
      withImageDecodeSlot(() => gate),
    );

    const refused = await withImageDecodeSlot(async () => "ran").catch((error: unknown) => error);
    release();
    await Promise.all(held);
    const afterwards = await withImageDecodeSlot(async () => "ran");

    expect(refused).toBeInstanceOf(ProblemError);
    expect((refused as ProblemError).status).toBe(503);
    expect((refused as ProblemError).options.headers).toEqual({ "retry-after": "5" });
    expect(afterwards).toBe("ran");
  });
});
