import { useEffect } from "react";
import { useNavigate } from "react-router";
import { useTranslation } from "react-i18next";

import { useDesktop } from "./desktop-context";
import { showDesktopNotification } from "./desktop-notifications";

/** Fragment id of the quick log on the daily card. */
export const QUICK_LOG_ANCHOR = "quick-log";
export const QUICK_LOG_PATH = `/today#${QUICK_LOG_ANCHOR}`;

/**
 * Handles requests from the desktop shell's tray menu and global shortcut by opening today's quick
 * log. Renders nothing, and does nothing in a browser.
 */
export function QuickLogListener(): null {
  const { t } = useTranslation();
  const desktop = useDesktop();
  const navigate = useNavigate();

  useEffect(() => {
    if (!desktop) return;
    return desktop.onQuickLog((request) => {
      void navigate(QUICK_LOG_PATH);
      if (request.action !== "add-water") return;
      // TODO: post the water entry and confirm it with a notification once the water API exists.
      // The shell keeps its window hidden for this action, so a notification explains where to log
      // the water instead.
      void showDesktopNotification(desktop, {
        title: t("app.name"),
        body: t("desktop.addWaterUnavailable", { amountMl: request.amountMl }),
      });
    });
  }, [desktop, navigate, t]);

  return null;
}
