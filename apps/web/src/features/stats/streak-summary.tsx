import { useTranslation } from "react-i18next";
import type { Stats } from "@fitcoach/contract";

import { formatNumber } from "../coach/units";
import { formatBucket, formatDayCount } from "./stats-format";
import type { MetricDisplay } from "./metric-units";

/** States the current and longest streak and the condition a day must meet to count. */
export function StreakSummary(props: {
  streaks: Stats["streaks"];
  display: MetricDisplay;
}): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const { streaks, display } = props;
  const language = i18n.language;
  const current = formatDayCount(streaks.current, language);
  const longest = formatDayCount(streaks.longest, language);
  const target =
    streaks.target === null
      ? ""
      : t("stats.valueWithUnit", {
          value: formatNumber(display.convert(streaks.target), language, display.fractionDigits),
          unit: t(`stats.unitNames.${display.unit}`),
        });

  return (
    <div className="streaks">
      <p>
        <strong>{t("stats.streaks.current", { days: current })}</strong>
      </p>
      <p>
        {streaks.longestStart && streaks.longestEnd
          ? t("stats.streaks.longestRange", {
              days: longest,
              range: formatBucket(
                { start: streaks.longestStart, end: streaks.longestEnd },
                "week",
                language,
                "long",
              ),
            })
          : t("stats.streaks.longest", { days: longest })}
      </p>
      <p className="field-hint">{t(`stats.streaks.conditions.${streaks.condition}`, { target })}</p>
    </div>
  );
}
