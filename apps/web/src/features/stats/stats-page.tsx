import { lazy, Suspense, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { STAT_METRICS, STAT_PERIODS } from "@fitcoach/contract";
import type { Me, StatPeriod, Stats } from "@fitcoach/contract";

import { useMe } from "../../app/me-query";
import { Page } from "../../ui/page";
import { ProblemAlert } from "../../ui/problem-alert";
import { Loading } from "../../ui/spinner";
import { TableScroll } from "../../ui/table-scroll";
import { formatNumber } from "../coach/units";
import { todayIn } from "../today/local-date";
import { buildChartRows, hasData } from "./chart-rows";
import type { ChartRow } from "./chart-rows";
import { metricDisplay } from "./metric-units";
import { StatsControls } from "./stats-controls";
import { readSelection, selectionParams } from "./stats-selection";
import type { StatsSelection } from "./stats-selection";
import { formatBucket } from "./stats-format";
import { checkCustomRange, presetRange } from "./stats-range";
import type { DateRange, RangeErrors } from "./stats-range";
import { StatsTable } from "./stats-table";
import { StreakSummary } from "./streak-summary";
import { useStats } from "./use-stats";
import "./stats.css";

// The chart library is the largest dependency of the app, so it loads only with this screen.
const MetricChart = lazy(() => import("./metric-chart"));

export const STATS_METRICS = STAT_METRICS;
export const STATS_PERIODS = STAT_PERIODS;

export default function StatsPage(): React.JSX.Element {
  const { t } = useTranslation();
  const me = useMe();

  return (
    <Page title={t("stats.title")}>
      {me.data ? <StatsView me={me.data} /> : <Loading />}
      <ProblemAlert error={me.error} />
    </Page>
  );
}

function selectedRange(
  selection: StatsSelection,
  today: string,
): { range: DateRange | null; errors: RangeErrors } {
  if (selection.preset !== "custom")
    return { range: presetRange(selection.preset, today), errors: {} };

  const errors = checkCustomRange(selection.custom);
  return { range: errors.from || errors.to ? null : selection.custom, errors };
}

function StatsView(props: { me: Me }): React.JSX.Element {
  const today = todayIn(props.me.timeZone);
  const [params, setParams] = useSearchParams();
  // The selection lives in state and is mirrored to the address. Read back from the address
  // alone, a radio or select would snap back until the router's update lands.
  const [selection, setSelection] = useState(() => readSelection(params, today));
  const { range, errors } = selectedRange(selection, today);
  const stats = useStats(selection.metric, selection.period, range);

  return (
    <>
      <StatsControls
        selection={selection}
        rangeErrors={errors}
        onChange={(next) => {
          setSelection(next);
          setParams(selectionParams(next), { replace: true });
        }}
      />
      <ProblemAlert error={stats.error} />
      {stats.data ? (
        <MetricCard stats={stats.data} units={props.me.units} isUpdating={stats.isFetching} />
      ) : stats.isLoading ? (
        <Loading />
      ) : null}
    </>
  );
}

function MetricCard(props: {
  stats: Stats;
  units: Me["units"];
  isUpdating: boolean;
}): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const tableId = useId();
  const [isTableShown, setTableShown] = useState(false);
  const { stats } = props;
  const language = i18n.language;
  const display = metricDisplay(stats.metric, props.units);
  const rows = buildChartRows(stats, display);
  const unitName = t(`stats.unitNames.${display.unit}`);
  const metricName = t(`stats.metrics.${stats.metric}`);
  const formatValue = (value: number): string =>
    formatNumber(value, language, display.fractionDigits);
  const formatRow = (period: StatPeriod, style: "short" | "long") => (row: ChartRow) =>
    formatBucket(row, period, language, style);
  const rangeText = formatBucket({ start: stats.from, end: stats.to }, "week", language, "long");

  return (
    <section className="card stats-card" aria-labelledby={headingId} aria-busy={props.isUpdating}>
      <h2 id={headingId}>{t("stats.heading", { metric: metricName, unit: unitName })}</h2>
      <p className="field-hint">{rangeText}</p>
      <StreakSummary streaks={stats.streaks} display={display} />
      {hasData(rows) ? (
        <>
          <Suspense fallback={<Loading />}>
            <MetricChart
              rows={rows}
              valueLabel={t(`stats.series.value.${stats.period}`)}
              averageLabel={t("stats.series.average")}
              startsAtZero={stats.metric !== "weight"}
              formatBucket={formatRow(stats.period, "short")}
              formatValue={formatValue}
            />
          </Suspense>
          <button
            type="button"
            className="button"
            aria-expanded={isTableShown}
            aria-controls={tableId}
            onClick={() => setTableShown(!isTableShown)}
          >
            {isTableShown ? t("stats.table.hide") : t("stats.table.show")}
          </button>
          {/* Screen readers get the table even while it is hidden from view. */}
          <div id={tableId} className={isTableShown ? "stats-table-wrap" : "visually-hidden"}>
            {renderTable()}
          </div>
        </>
      ) : (
        <p className="chart-empty">{t("stats.noData")}</p>
      )}
    </section>
  );

  function renderTable(): React.JSX.Element {
    const table = (
      <StatsTable
        rows={rows}
        period={stats.period}
        caption={t("stats.table.caption", { metric: metricName, range: rangeText })}
        unitName={unitName}
        formatBucket={formatRow(stats.period, "long")}
        formatValue={formatValue}
      />
    );
    return isTableShown ? (
      <TableScroll label={t("stats.table.label", { metric: metricName })}>{table}</TableScroll>
    ) : (
      table
    );
  }
}
