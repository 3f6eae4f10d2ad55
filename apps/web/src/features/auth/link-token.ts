import { useSearchParams } from "react-router";
import { opaqueTokenSchema } from "@fitcoach/contract";

/** Returns the `token` of a mailed link, or null when it is missing or cannot be a token. */
export function useLinkToken(): string | null {
  const [searchParams] = useSearchParams();
  const parsed = opaqueTokenSchema.safeParse(searchParams.get("token") ?? "");
  return parsed.success ? parsed.data : null;
}
