import type { ReactElement } from "react";
import { View } from "react-native";
import Svg, { Line, Rect } from "react-native-svg";

import { usePalette } from "../../ui/theme";

const HEIGHT = 160;
const BAR_GAP = 2;

/**
 * Draws one bar per value, scaled to the largest; null values leave a gap. The drawing is hidden
 * from screen readers, which read `summary` instead.
 */
export function BarChart(props: { values: (number | null)[]; summary: string }): ReactElement {
  const palette = usePalette();
  const largest = Math.max(0, ...props.values.map((value) => value ?? 0));
  const width = Math.max(1, props.values.length) * 12;
  const barWidth = 12 - BAR_GAP;

  return (
    <View accessible accessibilityRole="image" accessibilityLabel={props.summary}>
      <Svg
        width="100%"
        height={HEIGHT}
        viewBox={`0 0 ${width} ${HEIGHT}`}
        preserveAspectRatio="none"
      >
        <Line x1={0} y1={HEIGHT - 0.5} x2={width} y2={HEIGHT - 0.5} stroke={palette.border} />
        {props.values.map((value, index) => {
          if (value === null || largest === 0) return null;
          const barHeight = Math.max(1, (value / largest) * (HEIGHT - 8));
          return (
            <Rect
              key={index}
              x={index * 12}
              y={HEIGHT - barHeight}
              width={barWidth}
              height={barHeight}
              fill={palette.primary}
            />
          );
        })}
      </Svg>
    </View>
  );
}
