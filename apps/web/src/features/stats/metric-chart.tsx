import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

/** One value of a metric on one calendar date. */
export interface MetricPoint {
  date: string;
  value: number;
}

/** Line chart of one metric; the figure gets a text alternative from `label`. */
export default function MetricChart(props: {
  points: MetricPoint[];
  label: string;
  emptyText: string;
}): React.JSX.Element {
  if (props.points.length === 0) {
    return <p className="chart-empty">{props.emptyText}</p>;
  }
  return (
    <figure className="chart" aria-label={props.label}>
      <ResponsiveContainer width="100%" height={240}>
        <LineChart data={props.points}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="date" />
          <YAxis />
          <Tooltip />
          <Line type="monotone" dataKey="value" stroke="currentColor" dot={false} />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
