import type { WebPreferences } from "electron";

/**
 * Settings of every renderer. Each item of Electron's security checklist is set explicitly, even
 * where it matches Electron's default, so the security checklist test can read it and a future
 * default change cannot loosen it.
 */
export function secureWebPreferences(preloadPath: string, isPackaged: boolean): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: true,
    devTools: !isPackaged,
  };
}
