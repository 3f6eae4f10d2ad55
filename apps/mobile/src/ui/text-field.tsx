import type { ReactElement } from "react";
import { StyleSheet, Text, TextInput, View } from "react-native";
import type { TextInputProps } from "react-native";

import { SPACING, usePalette } from "./theme";

export interface TextFieldProps extends Pick<
  TextInputProps,
  | "autoCapitalize"
  | "autoComplete"
  | "keyboardType"
  | "inputMode"
  | "maxLength"
  | "secureTextEntry"
  | "textContentType"
  | "onSubmitEditing"
  | "multiline"
  | "placeholder"
> {
  label: string;
  value: string;
  onChangeText(value: string): void;
  /** Message shown under the field and read with it by screen readers. */
  error?: string;
  help?: string;
}

/** Renders a labelled text input with its validation message. */
export function TextField(props: TextFieldProps): ReactElement {
  const palette = usePalette();
  const { label, value, onChangeText, error, help, ...inputProps } = props;
  const hint = error ?? help;

  return (
    <View style={styles.field}>
      <Text style={[styles.label, { color: palette.text }]}>{label}</Text>
      <TextInput
        {...inputProps}
        accessibilityLabel={label}
        accessibilityHint={hint}
        aria-invalid={error ? true : undefined}
        value={value}
        onChangeText={onChangeText}
        autoCorrect={false}
        placeholderTextColor={palette.mutedText}
        style={[
          styles.input,
          {
            color: palette.text,
            backgroundColor: palette.surface,
            borderColor: error ? palette.danger : palette.border,
          },
        ]}
      />
      {error ? (
        <Text accessibilityLiveRegion="polite" style={[styles.message, { color: palette.danger }]}>
          {error}
        </Text>
      ) : help ? (
        <Text style={[styles.message, { color: palette.mutedText }]}>{help}</Text>
      ) : null}
    </View>
  );
}

const styles = StyleSheet.create({
  field: { gap: SPACING / 3 },
  label: { fontSize: 15, fontWeight: "600" },
  input: {
    minHeight: 48,
    borderWidth: 1,
    borderRadius: 10,
    paddingHorizontal: SPACING,
    fontSize: 16,
  },
  message: { fontSize: 14 },
});
