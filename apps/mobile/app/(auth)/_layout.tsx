import type { ReactElement } from "react";
import { Stack } from "expo-router";

// Signed-out visitors who open any other address land on the login screen.
export const unstable_settings = { initialRouteName: "login" };

export default function AuthLayout(): ReactElement {
  return (
    <Stack screenOptions={{ headerShown: false }}>
      <Stack.Screen name="login" />
      <Stack.Screen name="register" />
      <Stack.Screen name="forgot-password" />
    </Stack>
  );
}
