import { useId, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Fact, Insight, Summary } from "@fitcoach/contract";

import { useMe } from "../../app/me-query";
import { Alert } from "../../ui/alert";
import { Loading } from "../../ui/spinner";
import { TextField } from "../../ui/text-field";
import { isLocalDate, todayIn } from "../today/local-date";
import { CoachProblem } from "./coach-problem";
import { coachKeys } from "./coach-queries";
import { Markdown } from "./markdown";
import { formatNumber } from "./units";
import { useCoachApi } from "./use-coach-api";

/** How long a fetched summary is shown before opening the screen again fetches it anew. */
const SUMMARY_STALE_MS = 5 * 60_000;

/** Renders the coach's review of one day: what went well, what to change and three suggestions. */
export function DailySummaryCard(): React.JSX.Element {
  const { t } = useTranslation();
  const coachApi = useCoachApi();
  const me = useMe();
  const headingId = useId();
  const today = todayIn(me.data?.timeZone);
  const [date, setDate] = useState(today);
  const validDate = isLocalDate(date) ? date : null;
  const summary = useQuery({
    queryKey: coachKeys.summary(validDate ?? ""),
    queryFn: () => coachApi.summary(validDate!),
    enabled: validDate !== null && me.isSuccess,
    // Every summary counts against the coach's per-user rate limit, so one is kept for a while.
    staleTime: SUMMARY_STALE_MS,
    refetchOnWindowFocus: false,
  });

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("coach.summary.title")}</h2>
      <TextField
        label={t("coach.summary.date")}
        type="date"
        max={today}
        value={date}
        onChange={(event) => setDate(event.target.value)}
        error={validDate ? undefined : t("coach.summary.dateInvalid")}
      />
      {summary.isFetching ? <Loading /> : null}
      <CoachProblem error={summary.error} />
      {summary.data && !summary.isFetching ? <SummaryView summary={summary.data} /> : null}
    </section>
  );
}

function SummaryView(props: { summary: Summary }): React.JSX.Element {
  const { t } = useTranslation();
  const { summary } = props;
  return (
    <div className="summary">
      <InsightList title={t("coach.summary.wentWell")} items={summary.wentWell} />
      <InsightList title={t("coach.summary.toChange")} items={summary.toChange} />
      <InsightList title={t("coach.summary.suggestions")} items={summary.suggestions} ordered />
      <SourceNote provider={summary.provider} model={summary.model} notes={summary.notes} />
    </div>
  );
}

function InsightList(props: {
  title: string;
  items: Insight[];
  ordered?: boolean;
}): React.JSX.Element {
  const { t } = useTranslation();
  const headingId = useId();
  const List = props.ordered ? "ol" : "ul";
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{props.title}</h3>
      {props.items.length === 0 ? (
        <p className="muted">{t("coach.summary.nothing")}</p>
      ) : (
        <List className="insights">
          {props.items.map((item, index) => (
            <li key={index}>
              <Markdown source={item.text} />
              {item.basis.length > 0 ? <FactList facts={item.basis} /> : null}
            </li>
          ))}
        </List>
      )}
    </section>
  );
}

function FactList(props: { facts: Fact[] }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  return (
    <ul className="facts" aria-label={t("coach.summary.basis")}>
      {props.facts.map((fact, index) => (
        <li key={index}>
          {/* NOTE: labels and units are written by the server in English. */}
          {fact.label}: {formatNumber(fact.value, i18n.language, 1)} {fact.unit}
          {fact.target !== null
            ? ` ${t("coach.summary.target", { target: formatNumber(fact.target, i18n.language, 1), unit: fact.unit })}`
            : null}
        </li>
      ))}
    </ul>
  );
}

/** Names the coach that wrote a reply and shows its notes, such as a fallback to the builtin coach. */
export function SourceNote(props: {
  provider: string;
  model: string;
  notes: string[];
}): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <>
      <p className="muted">
        {props.provider === "builtin"
          ? t("coach.source.builtin")
          : t("coach.source.model", { model: props.model })}
      </p>
      {props.notes.length > 0 ? (
        <Alert tone="info">
          {props.notes.map((note, index) => (
            <p key={index}>{note}</p>
          ))}
        </Alert>
      ) : null}
    </>
  );
}
