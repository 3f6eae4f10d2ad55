import { createContext, useContext } from "react";
import type { ReactNode } from "react";
import type { ApiClient } from "@fitcoach/client";

const ApiContext = createContext<ApiClient | null>(null);

export function ApiProvider(props: { client: ApiClient; children: ReactNode }): React.JSX.Element {
  return <ApiContext.Provider value={props.client}>{props.children}</ApiContext.Provider>;
}

export function useApi(): ApiClient {
  const client = useContext(ApiContext);
  if (!client) throw new TypeError("useApi must be used inside an ApiProvider.");
  return client;
}
