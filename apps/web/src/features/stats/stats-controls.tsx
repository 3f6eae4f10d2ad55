import { useId } from "react";
import { useTranslation } from "react-i18next";
import { STAT_METRICS, STAT_PERIODS } from "@fitcoach/contract";
import type { StatMetric } from "@fitcoach/contract";

import { SelectField } from "../../ui/select-field";
import { TextField } from "../../ui/text-field";
import { RANGE_MAX_DAYS, RANGE_PRESETS } from "./stats-range";
import type { RangeErrors, RangePreset } from "./stats-range";
import type { StatsSelection } from "./stats-selection";

/** Metric, range and period pickers of the stats screen. */
export function StatsControls(props: {
  selection: StatsSelection;
  rangeErrors: RangeErrors;
  onChange(selection: StatsSelection): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const periodName = useId();
  const { selection } = props;
  const change = (patch: Partial<StatsSelection>): void =>
    props.onChange({ ...selection, ...patch });
  const errorText = (key: string | undefined): string | undefined =>
    key ? t(key, { max: RANGE_MAX_DAYS }) : undefined;

  return (
    <div className="stats-controls">
      <div className="toolbar">
        <SelectField
          label={t("stats.metric")}
          value={selection.metric}
          onChange={(event) => change({ metric: event.target.value as StatMetric })}
          options={STAT_METRICS.map((value) => ({ value, label: t(`stats.metrics.${value}`) }))}
        />
        <SelectField
          label={t("stats.range.label")}
          value={selection.preset}
          onChange={(event) => change({ preset: event.target.value as RangePreset })}
          options={RANGE_PRESETS.map((value) => ({
            value,
            label: t(`stats.range.presets.${value}`),
          }))}
        />
        {selection.preset === "custom" ? (
          <>
            <TextField
              label={t("stats.range.from")}
              type="date"
              value={selection.custom.from}
              onChange={(event) =>
                change({ custom: { ...selection.custom, from: event.target.value } })
              }
              error={errorText(props.rangeErrors.from)}
            />
            <TextField
              label={t("stats.range.to")}
              type="date"
              value={selection.custom.to}
              onChange={(event) =>
                change({ custom: { ...selection.custom, to: event.target.value } })
              }
              error={errorText(props.rangeErrors.to)}
            />
          </>
        ) : null}
      </div>
      <fieldset className="segmented">
        <legend>{t("stats.period")}</legend>
        {STAT_PERIODS.map((value) => (
          <label key={value}>
            <input
              type="radio"
              name={periodName}
              value={value}
              checked={selection.period === value}
              onChange={() => change({ period: value })}
            />
            <span>{t(`stats.periods.${value}`)}</span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}
