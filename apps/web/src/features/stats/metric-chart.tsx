import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

import type { ChartRow } from "./chart-rows";

export interface MetricChartProps {
  rows: ChartRow[];
  /** Names of the two series, for the legend and the tooltip. */
  valueLabel: string;
  averageLabel: string;
  /** False for metrics such as body weight, whose changes vanish on an axis from zero. */
  startsAtZero: boolean;
  formatBucket(row: ChartRow): string;
  formatValue(value: number): string;
}

// Series colours come from CSS classes (see stats.css), because SVG presentation attributes
// cannot read the theme's custom properties but `currentColor` can.
const TOOLTIP_STYLE = {
  background: "var(--color-surface)",
  border: "1px solid var(--color-border)",
  color: "var(--color-text)",
};

/**
 * Line chart of a metric and its 7-day moving average. It is hidden from screen readers, which
 * read the data table next to it instead.
 */
export default function MetricChart(props: MetricChartProps): React.JSX.Element {
  const data = props.rows.map((row) => ({ ...row, label: props.formatBucket(row) }));

  return (
    <figure className="chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={260}>
        <LineChart
          data={data}
          margin={{ top: 8, right: 8, bottom: 8, left: 0 }}
          accessibilityLayer={false}
        >
          <CartesianGrid stroke="currentColor" strokeOpacity={0.15} />
          <XAxis dataKey="label" tick={{ fill: "currentColor" }} stroke="currentColor" />
          <YAxis
            tick={{ fill: "currentColor" }}
            stroke="currentColor"
            width={56}
            domain={props.startsAtZero ? [0, "auto"] : ["auto", "auto"]}
            tickFormatter={(value: number) => props.formatValue(value)}
          />
          <Tooltip
            contentStyle={TOOLTIP_STYLE}
            formatter={(value) => (typeof value === "number" ? props.formatValue(value) : "")}
          />
          <Line
            className="chart-value"
            name={props.valueLabel}
            dataKey="value"
            type="monotone"
            stroke="currentColor"
            strokeWidth={2}
            dot={{ r: 2, fill: "currentColor" }}
            connectNulls
            isAnimationActive={false}
          />
          <Line
            className="chart-average"
            name={props.averageLabel}
            dataKey="average"
            type="monotone"
            stroke="currentColor"
            strokeWidth={2}
            strokeDasharray="6 4"
            dot={false}
            connectNulls
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
      <figcaption className="chart-legend">
        <span className="chart-legend-value">{props.valueLabel}</span>
        <span className="chart-legend-average">{props.averageLabel}</span>
      </figcaption>
    </figure>
  );
}
