import "./zod-config";
import { createRoot } from "react-dom/client";
import { createApiClient } from "@fitcoach/client";
import type { ApiClient } from "@fitcoach/client";

import "./styles/app.css";
import { App, createQueryClient } from "./app/app";
import { applyTheme, readThemePreference } from "./app/theme";
import { findDesktopApi } from "./desktop/desktop-api";
import type { FitcoachDesktopApi } from "./desktop/desktop-api";
import { createDesktopApiClient } from "./desktop/desktop-client";
import { createI18n } from "./i18n/i18n";
import { registerServiceWorker, shouldRegisterServiceWorker } from "./pwa/register-service-worker";

applyTheme(readThemePreference());

const root = document.getElementById("root");
if (!root) throw new TypeError("index.html has no #root element.");
const rootElement = root;
const i18n = createI18n();
const desktop = findDesktopApi();

function render(api: ApiClient, shell: FitcoachDesktopApi | null): void {
  createRoot(rootElement).render(
    <App api={api} i18n={i18n} queryClient={createQueryClient()} desktop={shell} />,
  );
}

if (desktop) {
  void createDesktopApiClient(desktop).then((api) => {
    if (api) render(api, desktop);
    else rootElement.textContent = i18n.t("desktop.noServer");
  });
} else {
  // The browser path stays synchronous because registerServiceWorker waits for the page's load
  // event, which could pass during an await.
  const api = createApiClient({ platform: "web" });
  render(api, null);
  if (import.meta.env.PROD && shouldRegisterServiceWorker(window.location.protocol, false)) {
    registerServiceWorker(api);
  }
}
