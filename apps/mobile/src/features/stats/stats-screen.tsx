import { useState } from "react";
import type { ReactElement } from "react";
import { useTranslation } from "react-i18next";
import { STAT_METRICS, STAT_PERIODS, statsSchema } from "@fitcoach/contract";
import type { StatMetric, StatPeriod } from "@fitcoach/contract";

import { formatLocalDate, formatNumber } from "../../i18n/format";
import { useServerResource } from "../../sync/use-server-resource";
import { ChoiceList } from "../../ui/choice-list";
import { ProblemNotice } from "../../ui/problem-notice";
import { Screen } from "../../ui/screen";
import { BodyText, HelpText, Section } from "../../ui/section";
import { BarChart } from "./bar-chart";

/** Charts of one metric by day, week or month, with the streak the metric counts. */
export function StatsScreen(): ReactElement {
  const { t } = useTranslation();
  const [metric, setMetric] = useState<StatMetric>("water");
  const [period, setPeriod] = useState<StatPeriod>("day");

  return (
    <Screen title={t("stats.title")}>
      <ChoiceList<StatMetric>
        label={t("stats.metric")}
        choices={STAT_METRICS.map((value) => ({ value, label: t(`stats.metrics.${value}`) }))}
        selected={metric}
        onSelect={setMetric}
      />
      <ChoiceList<StatPeriod>
        label={t("stats.period")}
        choices={STAT_PERIODS.map((value) => ({ value, label: t(`stats.periods.${value}`) }))}
        selected={period}
        onSelect={setPeriod}
      />
      <MetricChart key={`${metric}-${period}`} metric={metric} period={period} />
    </Screen>
  );
}

function MetricChart(props: { metric: StatMetric; period: StatPeriod }): ReactElement {
  const { t, i18n } = useTranslation();
  const stats = useServerResource(`/stats/${props.metric}?period=${props.period}`, statsSchema);
  const data = stats.data;
  const language = i18n.language;

  if (!data) {
    return (
      <Section title={t(`stats.metrics.${props.metric}`)}>
        {stats.error ? (
          <ProblemNotice error={stats.error} />
        ) : (
          <HelpText>{t("common.loading")}</HelpText>
        )}
      </Section>
    );
  }

  const values = data.points.map((point) => point.value);
  const withData = values.filter((value): value is number => value !== null);
  const average = withData.length
    ? withData.reduce((sum, value) => sum + value, 0) / withData.length
    : null;
  const summary =
    average === null
      ? t("stats.noData")
      : t("stats.summary", {
          from: formatLocalDate(data.from, language),
          to: formatLocalDate(data.to, language),
          average: formatNumber(average, language, 1),
          unit: t(`stats.units.${props.metric}`),
        });

  return (
    <Section title={t(`stats.metrics.${props.metric}`)}>
      {average === null ? (
        <HelpText>{t("stats.noData")}</HelpText>
      ) : (
        <BarChart values={values} summary={summary} />
      )}
      {average === null ? null : <BodyText>{summary}</BodyText>}
      <HelpText>
        {t("stats.streak", { count: data.streaks.current, longest: data.streaks.longest })}
      </HelpText>
    </Section>
  );
}
