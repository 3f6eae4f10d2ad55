import { useColorScheme } from "react-native";

/** Colours of one scheme; text on `primary` uses `onPrimary`. */
export interface Palette {
  background: string;
  surface: string;
  text: string;
  mutedText: string;
  border: string;
  primary: string;
  onPrimary: string;
  danger: string;
  success: string;
  warningBackground: string;
  infoBackground: string;
  errorBackground: string;
}

// Text colours reach a contrast of at least 4.5:1 against `background` and `surface`.
const LIGHT: Palette = {
  background: "#f6f7f9",
  surface: "#ffffff",
  text: "#14181f",
  mutedText: "#4b5563",
  border: "#c9ced6",
  primary: "#0b6e4f",
  onPrimary: "#ffffff",
  danger: "#b42318",
  success: "#0b6e4f",
  warningBackground: "#fff4d6",
  infoBackground: "#e6f0ff",
  errorBackground: "#fde8e7",
};

const DARK: Palette = {
  background: "#0f1216",
  surface: "#1a1f26",
  text: "#eef1f5",
  mutedText: "#b4bcc8",
  border: "#3a424e",
  primary: "#5fd3a9",
  onPrimary: "#06251b",
  danger: "#ff8a80",
  success: "#5fd3a9",
  warningBackground: "#3b3013",
  infoBackground: "#142842",
  errorBackground: "#3f1715",
};

export function usePalette(): Palette {
  return useColorScheme() === "dark" ? DARK : LIGHT;
}

export const SPACING = 12;
