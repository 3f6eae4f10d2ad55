// The React Native test environment, plus a copy of Node's fetch taken before any setup file
// runs. Expo's runtime replaces fetch with expo/fetch, whose native half does not exist in Node,
// so requests made through it would never settle; screen tests talk to real loopback servers and
// put Node's fetch back before each test (see jest-setup-after-env.ts).
const ReactNativeEnvironment = require("@react-native/jest-preset/jest/react-native-env.js");

module.exports = class ReactNativeEnvironmentWithFetch extends ReactNativeEnvironment {
  constructor(config, context) {
    super(config, context);
    this.global.nodeFetch = this.global.fetch;
  }
};
