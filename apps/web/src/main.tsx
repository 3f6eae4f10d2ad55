import "./zod-config";
import { createRoot } from "react-dom/client";
import { createApiClient } from "@fitcoach/client";

import "./styles/app.css";
import { App, createQueryClient } from "./app/app";
import { applyTheme, readThemePreference } from "./app/theme";
import { createI18n } from "./i18n/i18n";
import { registerServiceWorker } from "./pwa/register-service-worker";

applyTheme(readThemePreference());

const root = document.getElementById("root");
if (!root) throw new TypeError("index.html has no #root element.");

const api = createApiClient({ platform: "web" });
createRoot(root).render(<App api={api} i18n={createI18n()} queryClient={createQueryClient()} />);

if (import.meta.env.PROD) registerServiceWorker(api);
