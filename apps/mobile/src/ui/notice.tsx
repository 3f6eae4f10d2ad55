import type { ReactElement, ReactNode } from "react";
import { StyleSheet, Text, View } from "react-native";

import { SPACING, usePalette } from "./theme";

export type NoticeTone = "info" | "success" | "warning" | "error";

/** A highlighted message; errors are announced to screen readers as alerts. */
export function Notice(props: { tone: NoticeTone; children: ReactNode }): ReactElement {
  const palette = usePalette();
  const background = {
    info: palette.infoBackground,
    success: palette.infoBackground,
    warning: palette.warningBackground,
    error: palette.errorBackground,
  }[props.tone];

  return (
    <View
      accessibilityRole={props.tone === "error" ? "alert" : "summary"}
      accessibilityLiveRegion={props.tone === "error" ? "assertive" : "polite"}
      style={[styles.notice, { backgroundColor: background }]}
    >
      <Text style={[styles.text, { color: palette.text }]}>{props.children}</Text>
    </View>
  );
}

const styles = StyleSheet.create({
  notice: { borderRadius: 10, padding: SPACING },
  text: { fontSize: 15, lineHeight: 21 },
});
