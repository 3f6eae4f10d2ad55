import { Suspense } from "react";
import { NavLink, Outlet, useLocation } from "react-router";
import { useTranslation } from "react-i18next";

import { ShellNotifications } from "../features/notifications/shell-notifications";
import { DroppedWritesNotice } from "../pwa/dropped-writes-notice";
import { OfflineBanner } from "../pwa/offline-banner";
import { ScreenErrorBoundary } from "../ui/screen-error-boundary";
import { Loading } from "../ui/spinner";
import { useSession } from "./session";

const NAVIGATION = [
  { to: "/today", key: "nav.today", icon: "◎" },
  { to: "/stats", key: "nav.stats", icon: "▤" },
  { to: "/goals", key: "nav.goals", icon: "◇" },
  { to: "/coach", key: "nav.coach", icon: "✦" },
  { to: "/settings", key: "nav.settings", icon: "⚙" },
] as const;

/** Frame of the signed-in app: skip link, header, main region and the navigation bar. */
export function AppLayout(): React.JSX.Element {
  const { t } = useTranslation();
  const { status } = useSession();
  const location = useLocation();

  return (
    <div className="app-frame">
      <a className="skip-link" href="#main">
        {t("nav.skipToContent")}
      </a>
      <header className="app-header">
        <span className="app-name">{t("app.name")}</span>
        {status === "signed-in" ? <ShellNotifications /> : null}
      </header>
      {status === "offline" ? <OfflineBanner /> : null}
      <DroppedWritesNotice />
      <main id="main" className="app-main">
        <ScreenErrorBoundary key={location.pathname}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </ScreenErrorBoundary>
      </main>
      <nav className="app-nav" aria-label={t("nav.label")}>
        <ul>
          {NAVIGATION.map((item) => (
            <li key={item.to}>
              <NavLink to={item.to}>
                <span className="nav-icon" aria-hidden="true">
                  {item.icon}
                </span>
                <span>{t(item.key)}</span>
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}

/** Frame of the screens used without a session: login, registration and mailed links. */
export function PublicLayout(): React.JSX.Element {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <div className="public-frame">
      <a className="skip-link" href="#main">
        {t("nav.skipToContent")}
      </a>
      <header className="public-header">
        <span className="app-name">{t("app.name")}</span>
      </header>
      <DroppedWritesNotice />
      <main id="main" className="public-main">
        <ScreenErrorBoundary key={location.pathname}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </ScreenErrorBoundary>
      </main>
    </div>
  );
}
