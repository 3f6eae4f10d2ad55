// Bundles the server and the admin CLI into dist/ with esbuild. Workspace packages (the contract)
// are bundled in; every other package stays an import resolved from node_modules at run time.
import { build } from "esbuild";

const bundleWorkspacePackages = {
  name: "external-node-modules",
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith("@fitcoach/")) return undefined;
      return { path: args.path, external: true };
    });
  },
};

await build({
  entryPoints: {
    main: "src/main.ts",
    cli: "src/cli/main.ts",
    // Started as a worker thread by the import parser, which looks for it next to main.js.
    "import-worker": "src/features/data-transfer/import-worker.ts",
  },
  outdir: "dist",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  sourcemap: true,
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  plugins: [bundleWorkspacePackages],
  logLevel: "warning",
});
