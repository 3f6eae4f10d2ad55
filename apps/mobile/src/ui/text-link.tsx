import type { ReactElement } from "react";
import { StyleSheet } from "react-native";
import { Link } from "expo-router";
import type { Href } from "expo-router";

import { usePalette } from "./theme";

/** A link to another screen of the app. */
export function TextLink(props: { href: Href; label: string }): ReactElement {
  const palette = usePalette();
  return (
    <Link href={props.href} style={[styles.link, { color: palette.primary }]}>
      {props.label}
    </Link>
  );
}

const styles = StyleSheet.create({
  link: { fontSize: 16, fontWeight: "600", paddingVertical: 10 },
});
