import type { ReactElement } from "react";
import { Pressable, StyleSheet, Text } from "react-native";

import { SPACING, usePalette } from "./theme";

export type ButtonVariant = "primary" | "secondary" | "danger" | "link";

export interface ButtonProps {
  label: string;
  onPress(): void;
  variant?: ButtonVariant;
  /** Shown instead of the label while the action runs; the button is disabled meanwhile. */
  pendingLabel?: string;
  isPending?: boolean;
  isDisabled?: boolean;
  /** Read by screen readers when the visible label alone is ambiguous. */
  accessibilityLabel?: string;
}

export function Button(props: ButtonProps): ReactElement {
  const palette = usePalette();
  const variant = props.variant ?? "primary";
  const isDisabled = Boolean(props.isDisabled || props.isPending);
  const background =
    variant === "primary" ? palette.primary : variant === "danger" ? palette.danger : "transparent";
  const color =
    variant === "primary" || variant === "danger"
      ? palette.onPrimary
      : variant === "link"
        ? palette.primary
        : palette.text;

  return (
    <Pressable
      accessibilityRole="button"
      accessibilityLabel={props.accessibilityLabel}
      accessibilityState={{ disabled: isDisabled, busy: Boolean(props.isPending) }}
      disabled={isDisabled}
      onPress={props.onPress}
      style={({ pressed }) => [
        variant === "link" ? styles.link : styles.button,
        {
          backgroundColor: background,
          borderColor: variant === "secondary" ? palette.border : background,
          opacity: isDisabled ? 0.6 : pressed ? 0.8 : 1,
        },
      ]}
    >
      <Text style={[styles.label, { color }]}>
        {props.isPending && props.pendingLabel ? props.pendingLabel : props.label}
      </Text>
    </Pressable>
  );
}

const styles = StyleSheet.create({
  button: {
    minHeight: 48,
    borderRadius: 10,
    borderWidth: 1,
    paddingHorizontal: SPACING * 1.5,
    alignItems: "center",
    justifyContent: "center",
  },
  link: { minHeight: 44, justifyContent: "center" },
  label: { fontSize: 16, fontWeight: "600" },
});
