import { Navigate, Outlet, useLocation, useSearchParams } from "react-router";

import { Loading } from "../ui/spinner";
import { safeAppPathOr } from "./safe-path";
import { useSession } from "./session";

/** Lets only a signed-in user through; others go to the login with a way back. */
export function RequireSession(): React.JSX.Element {
  const { status } = useSession();
  const location = useLocation();

  if (status === "restoring") return <Loading />;
  if (status === "signed-out") {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}

/** Sends a signed-in user away from the login and registration screens, to `next` if given. */
export function RequireNoSession(): React.JSX.Element {
  const { status } = useSession();
  const [searchParams] = useSearchParams();
  if (status === "restoring") return <Loading />;
  if (status === "signed-in")
    return <Navigate to={safeNextPath(searchParams.get("next"))} replace />;
  return <Outlet />;
}

/** Returns the path to open after login: `next` when it stays inside the app, else Today. */
export function safeNextPath(next: string | null): string {
  return safeAppPathOr(next);
}
