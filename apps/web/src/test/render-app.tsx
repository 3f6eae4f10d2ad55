import { render } from "@testing-library/react";
import type { RenderResult } from "@testing-library/react";
import { I18nextProvider } from "react-i18next";
import { MemoryRouter, useLocation } from "react-router";
import { QueryClientProvider } from "@tanstack/react-query";
import { createApiClient, createMemoryTokenStore } from "@fitcoach/client";
import type { ApiClient } from "@fitcoach/client";
import { startTestServer } from "@fitcoach/client/test-server";
import type { TestHandler, TestServer } from "@fitcoach/client/test-server";

import { createQueryClient } from "../app/app";
import { ApiProvider } from "../app/api-context";
import { AppRoutes } from "../app/routes";
import { SessionProvider } from "../app/session";
import type { FitcoachDesktopApi } from "../desktop/desktop-api";
import { DesktopProvider } from "../desktop/desktop-context";
import { QuickLogListener } from "../desktop/quick-log-listener";
import type { SessionStatus } from "../app/session";
import { createI18n } from "../i18n/i18n";
import type { Language } from "../i18n/languages";

export interface RenderedApp extends RenderResult {
  server: TestServer;
  api: ApiClient;
  /** Current path, query and fragment of the in-memory router. */
  location(): string;
}

const servers: TestServer[] = [];

/** Stops every loopback API server that renderApp started; call from afterEach. */
export async function stopServers(): Promise<void> {
  await Promise.all(servers.splice(0).map((server) => server.close()));
}

/**
 * Renders the whole app at `path` against a loopback HTTP server whose responses `handler`
 * scripts. The API client speaks real HTTP to it, as it does to the FitCoach server. `path` may
 * carry router state, as a navigation from another screen does.
 */
export async function renderApp(
  path: string | { pathname: string; state: unknown },
  handler: TestHandler,
  options: {
    accessToken?: string;
    session?: SessionStatus;
    language?: Language;
    desktop?: FitcoachDesktopApi;
  } = {},
): Promise<RenderedApp> {
  const server = await startTestServer(handler);
  servers.push(server);
  const api = createApiClient({
    platform: "web",
    baseUrl: server.url,
    tokenStore: createMemoryTokenStore({ accessToken: options.accessToken ?? null }),
  });
  let currentLocation = typeof path === "string" ? path : path.pathname;
  function LocationProbe(): null {
    const location = useLocation();
    currentLocation = `${location.pathname}${location.search}${location.hash}`;
    return null;
  }

  const result = render(
    <I18nextProvider i18n={createI18n(options.language ?? "en")}>
      <QueryClientProvider client={createQueryClient()}>
        <ApiProvider client={api}>
          <DesktopProvider desktop={options.desktop ?? null}>
            <SessionProvider initialStatus={options.session ?? "signed-out"}>
              <MemoryRouter initialEntries={[path]}>
                <AppRoutes />
                <QuickLogListener />
                <LocationProbe />
              </MemoryRouter>
            </SessionProvider>
          </DesktopProvider>
        </ApiProvider>
      </QueryClientProvider>
    </I18nextProvider>,
  );
  return { ...result, server, api, location: () => currentLocation };
}
