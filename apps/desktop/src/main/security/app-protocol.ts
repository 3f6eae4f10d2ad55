import { protocol } from "electron";
import type { CustomScheme, Session } from "electron";

import { APP_SCHEME } from "./app-origins";
import { rendererPolicyDirectives, setupPolicyDirectives } from "./content-security-policy";
import { readStaticFile } from "./static-files";

/**
 * Privileges of the app scheme. "standard" and "secure" give the pages a real, secure origin;
 * CSP stays in force because bypassCSP is not set, and service workers stay off.
 */
export const APP_SCHEME_PRIVILEGES: NonNullable<CustomScheme["privileges"]> = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: true,
  codeCache: true,
};

/** Declares the app scheme; Electron accepts this only before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
}

export interface AppProtocolOptions {
  /** Folder of the web app build, inside the ASAR archive when packaged. */
  rendererRoot: string;
  setupRoot: string;
  /** Server origin to allow in connect-src, read on every request so a change applies on reload. */
  currentServerOrigin(): string | null;
}

/** Serves fitcoach://app from the web app build and fitcoach://setup from the first-run page. */
export function handleAppProtocol(session: Session, options: AppProtocolOptions): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);

    let result;
    if (url.host === "app") {
      const policy = rendererPolicyDirectives(options.currentServerOrigin());
      result = await readStaticFile(options.rendererRoot, request.method, url.pathname, policy);
    } else if (url.host === "setup") {
      const policy = setupPolicyDirectives();
      result = await readStaticFile(options.setupRoot, request.method, url.pathname, policy);
    } else {
      return new Response(null, { status: 404 });
    }
    const body = result.body === null ? null : new Uint8Array(result.body);
    return new Response(body, { status: result.status, headers: result.headers });
  });
}
