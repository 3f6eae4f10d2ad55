import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { UseMutationResult, UseQueryResult } from "@tanstack/react-query";
import type { Me, MePatch } from "@fitcoach/contract";

import { useApi } from "./api-context";
import { useSession } from "./session";

export const ME_QUERY_KEY = ["me"] as const;

export function useMe(): UseQueryResult<Me> {
  const api = useApi();
  const { status } = useSession();
  return useQuery({
    queryKey: ME_QUERY_KEY,
    queryFn: () => api.me.get(),
    enabled: status === "signed-in",
  });
}

export function useUpdateMe(): UseMutationResult<Me, Error, MePatch> {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: MePatch) => api.me.update(patch),
    onSuccess: (me) => queryClient.setQueryData(ME_QUERY_KEY, me),
  });
}
