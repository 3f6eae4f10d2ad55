import { meSchema } from "@fitcoach/contract";
import type { Me, MePatch } from "@fitcoach/contract";

import type { MobileRuntime } from "../../runtime/mobile-runtime";
import { useServerResource } from "../../sync/use-server-resource";
import type { ServerResource } from "../../sync/use-server-resource";
import type { WriteKind } from "../../sync/write-kinds";

/** The signed-in account's profile, offline first. */
export function useMe(): ServerResource<Me> {
  return useServerResource("/me", meSchema);
}

/** Queues a profile change; it applies on this device at once and on the server when online. */
export async function queueProfileChange(runtime: MobileRuntime, patch: MePatch): Promise<void> {
  const kind: WriteKind = "profile-update";
  await runtime.write({ method: "PATCH", path: "/me", body: patch, kind, entityKey: "me" });
}
