import type { ReactElement } from "react";
import { Pressable, StyleSheet, Text, View } from "react-native";

import { SPACING, usePalette } from "./theme";

export interface Choice<Value extends string> {
  value: Value;
  label: string;
}

/** A group of radio buttons with a visible label. */
export function ChoiceList<Value extends string>(props: {
  label: string;
  choices: readonly Choice<Value>[];
  selected: Value | null;
  onSelect(value: Value): void;
}): ReactElement {
  const palette = usePalette();
  return (
    <View accessibilityRole="radiogroup" accessibilityLabel={props.label} style={styles.group}>
      <Text style={[styles.label, { color: palette.text }]}>{props.label}</Text>
      {props.choices.map((choice) => {
        const isSelected = choice.value === props.selected;
        return (
          <Pressable
            key={choice.value}
            accessibilityRole="radio"
            accessibilityState={{ checked: isSelected }}
            accessibilityLabel={choice.label}
            onPress={() => props.onSelect(choice.value)}
            style={[
              styles.choice,
              {
                borderColor: isSelected ? palette.primary : palette.border,
                backgroundColor: palette.surface,
              },
            ]}
          >
            <View
              style={[
                styles.dot,
                {
                  borderColor: isSelected ? palette.primary : palette.border,
                  backgroundColor: isSelected ? palette.primary : "transparent",
                },
              ]}
            />
            <Text style={[styles.choiceLabel, { color: palette.text }]}>{choice.label}</Text>
          </Pressable>
        );
      })}
    </View>
  );
}

const styles = StyleSheet.create({
  group: { gap: SPACING / 2 },
  label: { fontSize: 15, fontWeight: "600" },
  choice: {
    minHeight: 44,
    flexDirection: "row",
    alignItems: "center",
    gap: SPACING,
    borderWidth: 1,
    borderRadius: 10,
    paddingHorizontal: SPACING,
  },
  dot: { width: 18, height: 18, borderRadius: 9, borderWidth: 2 },
  choiceLabel: { fontSize: 16 },
});
