import { useMemo } from "react";
import type { ReactElement } from "react";
import { Stack } from "expo-router";
import { SafeAreaProvider } from "react-native-safe-area-context";

import { installPolyfills } from "../src/platform/polyfills";
import { createDeviceServices } from "../src/session/app-services";
import { SessionProvider, useSession } from "../src/session/session-provider";

installPolyfills();

export default function RootLayout(): ReactElement {
  const services = useMemo(createDeviceServices, []);
  return (
    <SafeAreaProvider>
      <SessionProvider services={services}>
        <RootNavigator />
      </SessionProvider>
    </SafeAreaProvider>
  );
}

/** Shows the app to a signed-in user and only the login screens to anyone else. */
function RootNavigator(): ReactElement {
  const { status } = useSession();
  const isSignedIn = status === "signed-in";
  return (
    <Stack screenOptions={{ headerShown: false }}>
      <Stack.Protected guard={isSignedIn}>
        <Stack.Screen name="(tabs)" />
        <Stack.Screen name="sleep" />
        <Stack.Screen name="sync" />
      </Stack.Protected>
      <Stack.Protected guard={!isSignedIn}>
        <Stack.Screen name="(auth)" />
      </Stack.Protected>
    </Stack>
  );
}
