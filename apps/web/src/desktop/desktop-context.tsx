import { createContext, useContext } from "react";
import type { ReactNode } from "react";

import type { FitcoachDesktopApi } from "./desktop-api";

const DesktopContext = createContext<FitcoachDesktopApi | null>(null);

/** Makes the desktop shell's API available to screens; `desktop` is null in a browser. */
export function DesktopProvider(props: {
  desktop: FitcoachDesktopApi | null;
  children: ReactNode;
}): React.JSX.Element {
  return <DesktopContext.Provider value={props.desktop}>{props.children}</DesktopContext.Provider>;
}

/** Returns the desktop shell's API, or null when the app runs in a browser. */
export function useDesktop(): FitcoachDesktopApi | null {
  return useContext(DesktopContext);
}
