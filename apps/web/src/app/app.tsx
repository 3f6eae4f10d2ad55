import { StrictMode } from "react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { I18nextProvider } from "react-i18next";
import { BrowserRouter } from "react-router";
import type { ApiClient } from "@fitcoach/client";
import { ProblemError } from "@fitcoach/client";
import type { i18n as I18n } from "i18next";

import type { FitcoachDesktopApi } from "../desktop/desktop-api";
import { DesktopProvider } from "../desktop/desktop-context";
import { QuickLogListener } from "../desktop/quick-log-listener";
import { ApiProvider } from "./api-context";
import { AppRoutes } from "./routes";
import { SessionProvider } from "./session";

const QUERY_RETRY_MAX = 2;

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A problem response (404, 403, 422…) will not change on retry; network failures may.
        retry: (failureCount, error) =>
          !(error instanceof ProblemError) && failureCount < QUERY_RETRY_MAX,
      },
      mutations: { retry: false },
    },
  });
}

/** Renders the whole app with its providers for the entry point; `desktop` is null in a browser. */
export function App(props: {
  api: ApiClient;
  i18n: I18n;
  queryClient: QueryClient;
  desktop: FitcoachDesktopApi | null;
}): React.JSX.Element {
  return (
    <StrictMode>
      <I18nextProvider i18n={props.i18n}>
        <QueryClientProvider client={props.queryClient}>
          <ApiProvider client={props.api}>
            <DesktopProvider desktop={props.desktop}>
              <SessionProvider>
                <BrowserRouter>
                  <AppRoutes />
                  <QuickLogListener />
                </BrowserRouter>
              </SessionProvider>
            </DesktopProvider>
          </ApiProvider>
        </QueryClientProvider>
      </I18nextProvider>
    </StrictMode>
  );
}
