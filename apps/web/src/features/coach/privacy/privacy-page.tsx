import { useId, useState } from "react";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { COACH_AREAS } from "@fitcoach/contract";
import type { CoachAreas, Consent } from "@fitcoach/contract";

import { Alert } from "../../../ui/alert";
import { ProblemAlert } from "../../../ui/problem-alert";
import { Loading } from "../../../ui/spinner";
import { TableScroll } from "../../../ui/table-scroll";
import { formatDateTime } from "../../settings/format";
import { coachKeys } from "../coach-queries";
import { formatNumber } from "../units";
import { useCoachApi } from "../use-coach-api";

/** Renders the choice of data areas that may reach an external model, and the call ledger. */
export function PrivacyPage(): React.JSX.Element {
  const coachApi = useCoachApi();
  const consent = useQuery({ queryKey: coachKeys.consent, queryFn: () => coachApi.getConsent() });
  return (
    <div className="coach-stack">
      {consent.isPending ? <Loading /> : null}
      <ProblemAlert error={consent.error} />
      {consent.data ? <ConsentForm consent={consent.data} /> : null}
      <CallLedger />
    </div>
  );
}

function ConsentForm(props: { consent: Consent }): React.JSX.Element {
  const { t } = useTranslation();
  const coachApi = useCoachApi();
  const queryClient = useQueryClient();
  const headingId = useId();
  const { consent } = props;
  const [areas, setAreas] = useState<CoachAreas>(consent.areas);
  const [isSaved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (next: CoachAreas) => coachApi.setConsent(next),
    onSuccess: (updated) => {
      setSaved(true);
      queryClient.setQueryData(coachKeys.consent, updated);
    },
  });

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("coach.privacy.title")}</h2>
      <p>
        {consent.isExternal
          ? t("coach.privacy.external", { provider: consent.provider, model: consent.model })
          : t("coach.privacy.builtin")}
      </p>
      <p>{t("coach.privacy.intro")}</p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setSaved(false);
          save.mutate(areas);
        }}
      >
        <fieldset className="checkbox-group">
          <legend>{t("coach.privacy.areasLegend")}</legend>
          {COACH_AREAS.map((area) => (
            <div key={area} className="field field-checkbox">
              <input
                id={`coach-area-${area}`}
                type="checkbox"
                checked={areas[area]}
                aria-describedby={`coach-area-${area}-hint`}
                onChange={(event) => {
                  setSaved(false);
                  setAreas({ ...areas, [area]: event.target.checked });
                }}
              />
              <label htmlFor={`coach-area-${area}`}>{t(`coach.areas.${area}.title`)}</label>
              <p id={`coach-area-${area}-hint`} className="field-hint">
                {t(`coach.areas.${area}.sends`)}
              </p>
            </div>
          ))}
        </fieldset>
        <p className="field-hint">{t("coach.privacy.neverSent")}</p>
        <ProblemAlert error={save.error} />
        {isSaved ? <Alert tone="success">{t("common.saved")}</Alert> : null}
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {t("common.save")}
        </button>
      </form>
    </section>
  );
}

function CallLedger(): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const coachApi = useCoachApi();
  const headingId = useId();
  const calls = useInfiniteQuery({
    queryKey: coachKeys.calls,
    queryFn: ({ pageParam }) => coachApi.listCalls(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const items = calls.data?.pages.flatMap((page) => page.items) ?? [];
  const language = i18n.language;

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("coach.ledger.title")}</h2>
      <p>{t("coach.ledger.intro")}</p>
      {calls.isPending ? <Loading /> : null}
      <ProblemAlert error={calls.error} />
      {calls.isSuccess && items.length === 0 ? (
        <p className="muted">{t("coach.ledger.empty")}</p>
      ) : null}
      {items.length > 0 ? (
        <TableScroll label={t("coach.ledger.table")}>
          <table>
            <caption className="visually-hidden">{t("coach.ledger.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("coach.ledger.columns.time")}</th>
                <th scope="col">{t("coach.ledger.columns.agent")}</th>
                <th scope="col">{t("coach.ledger.columns.model")}</th>
                <th scope="col">{t("coach.ledger.columns.areas")}</th>
                <th scope="col">{t("coach.ledger.columns.tokens")}</th>
                <th scope="col">{t("coach.ledger.columns.cost")}</th>
                <th scope="col">{t("coach.ledger.columns.outcome")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((call) => (
                <tr key={call.id}>
                  <td>{formatDateTime(call.createdAt, language)}</td>
                  <td>{t(`coach.ledger.agents.${call.agent}`)}</td>
                  <td>{`${call.provider} · ${call.model}`}</td>
                  <td>
                    {call.areas.length === 0
                      ? t("coach.ledger.noAreas")
                      : call.areas.map((area) => t(`coach.areas.${area}.title`)).join(", ")}
                  </td>
                  <td>
                    {t("coach.ledger.tokens", {
                      input: formatNumber(call.inputTokens, language),
                      output: formatNumber(call.outputTokens, language),
                    })}
                  </td>
                  <td>
                    {new Intl.NumberFormat(language, {
                      style: "currency",
                      currency: "USD",
                      maximumFractionDigits: 6,
                    }).format(call.costUsd)}
                  </td>
                  <td>
                    {t(`coach.ledger.outcomes.${call.outcome}`)}{" "}
                    <span className="item-meta">
                      {t("coach.ledger.duration", {
                        seconds: formatNumber(call.durationMs / 1000, language, 1),
                      })}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      {calls.hasNextPage ? (
        <button
          type="button"
          className="button"
          disabled={calls.isFetchingNextPage}
          onClick={() => void calls.fetchNextPage()}
        >
          {t("coach.ledger.more")}
        </button>
      ) : null}
    </section>
  );
}
