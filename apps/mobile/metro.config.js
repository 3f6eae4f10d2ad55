// Metro configuration for the mobile app inside the npm workspace.
const path = require("node:path");
const { getDefaultConfig } = require("expo/metro-config");

const projectRoot = __dirname;
const config = getDefaultConfig(projectRoot);

// The web app uses a newer React than Expo SDK 57 supports, so npm installs two copies and
// hoisted packages (react-native, expo-router) may find the web app's one. Every import of these
// packages resolves from this folder instead, which finds the copy this app declares, so the
// bundle holds exactly one React.
const SINGLETON_PACKAGES = ["react", "react-dom", "scheduler"];
const APP_ORIGIN = path.join(projectRoot, "package.json");

config.resolver.resolveRequest = (context, moduleName, platform) => {
  const isSingleton = SINGLETON_PACKAGES.some(
    (name) => moduleName === name || moduleName.startsWith(`${name}/`),
  );
  const origin = isSingleton ? { ...context, originModulePath: APP_ORIGIN } : context;
  return context.resolveRequest(origin, moduleName, platform);
};

// expo-sqlite runs SQLite as WebAssembly in the web build.
config.resolver.assetExts.push("wasm");

module.exports = config;
