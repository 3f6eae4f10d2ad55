import { lazy, Suspense, useId, useState } from "react";
import { useTranslation } from "react-i18next";

import { Page } from "../../ui/page";
import { Loading } from "../../ui/spinner";

// The chart library is the largest dependency of the app, so it loads only with this screen.
const MetricChart = lazy(() => import("./metric-chart"));

export const STATS_METRICS = ["weight", "calories", "water", "sleep", "mood", "volume"] as const;
export const STATS_PERIODS = ["day", "week", "month"] as const;
type Metric = (typeof STATS_METRICS)[number];
type Period = (typeof STATS_PERIODS)[number];

export default function StatsPage(): React.JSX.Element {
  const { t } = useTranslation();
  const [metric, setMetric] = useState<Metric>("weight");
  const [period, setPeriod] = useState<Period>("day");
  const metricId = useId();

  return (
    <Page title={t("stats.title")}>
      <div className="toolbar">
        <div className="field">
          <label htmlFor={metricId}>{t("stats.metric")}</label>
          <select
            id={metricId}
            value={metric}
            onChange={(event) => setMetric(event.target.value as Metric)}
          >
            {STATS_METRICS.map((item) => (
              <option key={item} value={item}>
                {t(`stats.metrics.${item}`)}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="segmented">
          <legend>{t("stats.period")}</legend>
          {STATS_PERIODS.map((item) => (
            <label key={item}>
              <input
                type="radio"
                name="period"
                value={item}
                checked={period === item}
                onChange={() => setPeriod(item)}
              />
              <span>{t(`stats.periods.${item}`)}</span>
            </label>
          ))}
        </fieldset>
      </div>
      <section className="card" aria-label={t(`stats.metrics.${metric}`)}>
        <Suspense fallback={<Loading />}>
          {/* TODO: feed points from GET /api/v1/stats/:metric once its schema is in the contract. */}
          <MetricChart
            points={[]}
            label={t(`stats.metrics.${metric}`)}
            emptyText={t("stats.noData")}
          />
        </Suspense>
      </section>
    </Page>
  );
}
