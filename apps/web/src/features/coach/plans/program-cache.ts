import { useQueryClient } from "@tanstack/react-query";
import type { Program } from "@fitcoach/contract";

import { coachKeys } from "../coach-queries";

/** Replaces one program in the cached list after the server returned its new state. */
export function useStoreProgram(): (program: Program) => void {
  const queryClient = useQueryClient();
  return (program) =>
    queryClient.setQueryData<Program[]>(coachKeys.programs, (programs) =>
      programs?.map((item) => {
        if (item.id === program.id) return program;
        // Following one program stops the one followed before, as the server does.
        if (program.status === "active" && item.status === "active") {
          return { ...item, status: "stopped" };
        }
        return item;
      }),
    );
}
