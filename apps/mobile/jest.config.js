// Jest runs two projects: "screens" renders React Native screens in Node with jest-expo, and
// "node" runs the storage, session and sync modules in plain Node against a real FitCoach server.
const path = require("node:path");

// The web app uses a newer React than Expo SDK 57 supports, so npm installs two copies. Hoisted
// packages must load the one this app declares, as metro.config.js arranges for the bundle.
function appPackageFolder(name) {
  return path.dirname(require.resolve(`${name}/package.json`, { paths: [__dirname] }));
}
const react = appPackageFolder("react");
const reactDom = appPackageFolder("react-dom");

const moduleNameMapper = {
  "^react$": react,
  "^react/(.*)$": `${react}/$1`,
  "^react-dom$": reactDom,
  "^react-dom/(.*)$": `${reactDom}/$1`,
  // Native modules with no Node implementation get stand-ins that behave like them.
  "^expo-sqlite$": "<rootDir>/test/expo-sqlite-stand-in.ts",
  "^expo-secure-store$": "<rootDir>/test/expo-secure-store-stand-in.ts",
  "^expo-network$": "<rootDir>/test/expo-network-stand-in.ts",
  "^expo-notifications$": "<rootDir>/test/expo-notifications-stand-in.ts",
};

module.exports = {
  // Screen tests render the whole app and sync tests start a server, on a machine others share.
  testTimeout: 60_000,
  projects: [
    {
      displayName: "screens",
      preset: "jest-expo/ios",
      rootDir: __dirname,
      testEnvironment: "<rootDir>/test/react-native-environment.js",
      setupFilesAfterEnv: ["<rootDir>/test/jest-setup-after-env.ts"],
      // The catalog test runs here because it reads the lists of keys that the screens export.
      testMatch: ["<rootDir>/src/**/*.test.tsx", "<rootDir>/src/i18n/catalogs.test.ts"],
      moduleNameMapper,
    },
    {
      displayName: "node",
      rootDir: __dirname,
      testEnvironment: "node",
      globalSetup: "<rootDir>/test/global-setup.ts",
      globalTeardown: "<rootDir>/test/global-teardown.ts",
      testMatch: ["<rootDir>/src/**/*.test.ts", "<rootDir>/test/**/*.test.ts"],
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/src/i18n/catalogs.test.ts"],
      transform: { "\\.[jt]sx?$": "babel-jest" },
      moduleNameMapper,
    },
  ],
};
