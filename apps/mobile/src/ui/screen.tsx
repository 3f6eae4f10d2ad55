import type { ReactElement, ReactNode } from "react";
import { ScrollView, StyleSheet, Text, View } from "react-native";
import { SafeAreaView } from "react-native-safe-area-context";

import { SPACING, usePalette } from "./theme";

/** Renders a screen with its title as the first heading and scrolling content. */
export function Screen(props: { title: string; children: ReactNode }): ReactElement {
  const palette = usePalette();
  return (
    <SafeAreaView
      style={[styles.safeArea, { backgroundColor: palette.background }]}
      edges={["top"]}
    >
      <ScrollView contentContainerStyle={styles.content} keyboardShouldPersistTaps="handled">
        <Text accessibilityRole="header" style={[styles.title, { color: palette.text }]}>
          {props.title}
        </Text>
        <View style={styles.body}>{props.children}</View>
      </ScrollView>
    </SafeAreaView>
  );
}

const styles = StyleSheet.create({
  safeArea: { flex: 1 },
  content: { padding: SPACING * 1.5, paddingBottom: SPACING * 4 },
  title: { fontSize: 28, fontWeight: "700", marginBottom: SPACING },
  body: { gap: SPACING },
});
