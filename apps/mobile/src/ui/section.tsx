import type { ReactElement, ReactNode } from "react";
import { StyleSheet, Text, View } from "react-native";

import { SPACING, usePalette } from "./theme";

/** Renders a titled card within a screen. */
export function Section(props: { title: string; children?: ReactNode }): ReactElement {
  const palette = usePalette();
  return (
    <View style={[styles.card, { backgroundColor: palette.surface, borderColor: palette.border }]}>
      <Text accessibilityRole="header" style={[styles.title, { color: palette.text }]}>
        {props.title}
      </Text>
      {props.children}
    </View>
  );
}

/** Body text in the muted colour, for help and placeholders. */
export function HelpText(props: { children: ReactNode }): ReactElement {
  const palette = usePalette();
  return <Text style={[styles.help, { color: palette.mutedText }]}>{props.children}</Text>;
}

/** Body text in the main colour. */
export function BodyText(props: { children: ReactNode; testID?: string }): ReactElement {
  const palette = usePalette();
  return (
    <Text testID={props.testID} style={[styles.body, { color: palette.text }]}>
      {props.children}
    </Text>
  );
}

const styles = StyleSheet.create({
  card: { borderWidth: 1, borderRadius: 12, padding: SPACING, gap: SPACING / 2 },
  title: { fontSize: 18, fontWeight: "600" },
  help: { fontSize: 14, lineHeight: 20 },
  body: { fontSize: 16, lineHeight: 22 },
});
