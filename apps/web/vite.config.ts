import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

import { serviceWorkerPlugin } from "./build/service-worker-plugin.ts";

export default defineConfig({
  plugins: [react(), serviceWorkerPlugin()],
  server: {
    port: 5173,
    proxy: { "/api": "http://localhost:8000", "/health": "http://localhost:8000" },
  },
  build: {
    outDir: "dist",
    sourcemap: true,
    manifest: true,
    // The strict CSP forbids inline scripts; Vite adds none, and the modulepreload polyfill is
    // bundled into the entry chunk rather than inlined.
    assetsInlineLimit: 0,
    // The password-strength dictionaries are one lazy chunk of about 1.7 MB by design.
    chunkSizeWarningLimit: 2000,
  },
});
