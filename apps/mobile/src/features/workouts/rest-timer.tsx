import { useEffect, useState } from "react";
import type { ReactElement } from "react";
import { StyleSheet, Text, View } from "react-native";
import { useTranslation } from "react-i18next";

import { Button } from "../../ui/button";
import { Notice } from "../../ui/notice";
import { SPACING, usePalette } from "../../ui/theme";

/** Rest lengths offered between sets, in seconds. */
export const REST_PRESETS_SECONDS = [60, 90, 120, 180] as const;

const TICK_MS = 250;

/**
 * Counts down the rest between sets. The end time is stored rather than the seconds left, so the
 * timer stays right when the app was in the background.
 */
export function RestTimer(props: { now?: () => number }): ReactElement {
  const { t } = useTranslation();
  const palette = usePalette();
  const now = props.now ?? Date.now;
  const [endsAt, setEndsAt] = useState<number | null>(null);
  const [currentTime, setCurrentTime] = useState(now());

  useEffect(() => {
    if (endsAt === null) return;
    const timer = setInterval(() => setCurrentTime(now()), TICK_MS);
    return () => clearInterval(timer);
  }, [endsAt, now]);

  const secondsLeft =
    endsAt === null ? null : Math.max(0, Math.ceil((endsAt - currentTime) / 1000));
  const isOver = secondsLeft === 0;

  function start(seconds: number): void {
    const started = now();
    setCurrentTime(started);
    setEndsAt(started + seconds * 1000);
  }

  return (
    <View style={styles.timer}>
      {secondsLeft !== null && !isOver ? (
        <Text
          accessibilityRole="timer"
          accessibilityLabel={t("workouts.restTimer.left", { time: clock(secondsLeft) })}
          style={[styles.clock, { color: palette.text }]}
        >
          {clock(secondsLeft)}
        </Text>
      ) : null}
      {isOver ? <Notice tone="success">{t("workouts.restTimer.over")}</Notice> : null}
      <View style={styles.presets}>
        {REST_PRESETS_SECONDS.map((seconds) => (
          <Button
            key={seconds}
            variant="secondary"
            label={clock(seconds)}
            accessibilityLabel={t("workouts.restTimer.start", { seconds })}
            onPress={() => start(seconds)}
          />
        ))}
      </View>
      {secondsLeft !== null ? (
        <Button
          variant="link"
          label={t("workouts.restTimer.stop")}
          onPress={() => setEndsAt(null)}
        />
      ) : null}
    </View>
  );
}

/** Formats seconds as m:ss. */
export function clock(totalSeconds: number): string {
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${minutes}:${String(seconds).padStart(2, "0")}`;
}

const styles = StyleSheet.create({
  timer: { gap: SPACING / 2 },
  clock: { fontSize: 40, fontWeight: "700", fontVariant: ["tabular-nums"], textAlign: "center" },
  presets: { flexDirection: "row", flexWrap: "wrap", gap: SPACING / 2 },
});
