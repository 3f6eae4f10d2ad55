/** IPC channel names shared by the preload script and the main process. */
export const IPC_CHANNELS = {
  getServerUrl: "fitcoach:server-url:get",
  setServerUrl: "fitcoach:server-url:set",
  getToken: "fitcoach:token:get",
  setToken: "fitcoach:token:set",
  clearToken: "fitcoach:token:clear",
  isTokenStorePersistent: "fitcoach:token:is-persistent",
  notify: "fitcoach:notify",
  quickLog: "fitcoach:quick-log",
} as const;

/** Most quick-log requests the preload script keeps while the web app has no listener yet. */
export const QUICK_LOG_BUFFER_SIZE = 10;
