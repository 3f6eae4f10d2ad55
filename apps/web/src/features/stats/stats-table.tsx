import { useTranslation } from "react-i18next";
import type { StatPeriod } from "@fitcoach/contract";

import type { ChartRow } from "./chart-rows";

/** Renders the chart's numbers as a table, the text alternative of the chart. */
export function StatsTable(props: {
  rows: ChartRow[];
  period: StatPeriod;
  caption: string;
  unitName: string;
  formatBucket(row: ChartRow): string;
  formatValue(value: number): string;
}): React.JSX.Element {
  const { t } = useTranslation();
  const showsDays = props.period !== "day";
  const cell = (value: number | null): string =>
    value === null ? t("stats.table.empty") : props.formatValue(value);

  return (
    <table className="stats-table">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t(`stats.table.bucket.${props.period}`)}</th>
          <th scope="col">{t("stats.table.value", { unit: props.unitName })}</th>
          <th scope="col">{t("stats.table.average", { unit: props.unitName })}</th>
          {showsDays ? <th scope="col">{t("stats.table.days")}</th> : null}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr key={row.start}>
            <th scope="row">{props.formatBucket(row)}</th>
            <td>{cell(row.value)}</td>
            <td>{cell(row.average)}</td>
            {showsDays ? <td>{row.days}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
