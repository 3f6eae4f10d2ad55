import { useEffect, useRef, useState } from "react";
import { Link, useLocation, useNavigate, useParams } from "react-router";
import { useTranslation } from "react-i18next";
import type { Me } from "@fitcoach/contract";

import { useMe } from "../../app/me-query";
import { Alert } from "../../ui/alert";
import { Page } from "../../ui/page";
import { ProblemAlert } from "../../ui/problem-alert";
import { QUICK_LOG_ANCHOR } from "../../desktop/quick-log-listener";
import { BodySection } from "./body-section";
import { useDay } from "./day-queries";
import { addDays, isLocalDate, todayIn } from "./local-date";
import { draftItemsFromHandoff, readMealDraft } from "./meal-draft-items";
import { MealsSection } from "./meals-section";
import { MoodSection } from "./mood-section";
import { NoteSection } from "./note-section";
import { SleepSection } from "./sleep-section";
import { StepsSection } from "./steps-section";
import { WaterSection } from "./water-section";
import { WorkoutsSection } from "./workouts-section";
import "../../styles/widgets.css";
import "./today.css";

/** Sections of the daily card, in the order they appear. */
export const DAY_SECTIONS = [
  "water",
  "meals",
  "workouts",
  "steps",
  "sleep",
  "mood",
  "body",
  "note",
] as const;

/** Renders the daily card for /today and /day/:date. */
export default function TodayPage(): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const params = useParams();
  const me = useMe();
  const location = useLocation();
  const quickLog = useRef<HTMLDivElement>(null);
  const today = todayIn(me.data?.timeZone);

  // The desktop tray and shortcut open /today#quick-log; focus moves there on every request,
  // after the page has focused its heading. This effect sits above Page so it runs after Page's.
  useEffect(() => {
    if (location.hash === `#${QUICK_LOG_ANCHOR}`) quickLog.current?.focus();
  }, [location.hash, location.key]);

  if (params.date !== undefined && !isLocalDate(params.date)) {
    return (
      <Page title={t("today.invalidDateTitle")}>
        <Alert tone="error">{t("today.invalidDate", { value: params.date })}</Alert>
        <Link to="/today">{t("today.backToToday")}</Link>
      </Page>
    );
  }

  const date = params.date ?? today;
  const title =
    date === today
      ? t("today.title")
      : new Intl.DateTimeFormat(i18n.language, { dateStyle: "full", timeZone: "UTC" }).format(
          new Date(`${date}T00:00:00Z`),
        );

  return (
    <Page title={title}>
      <DayNavigation date={date} today={today} />
      <ProblemAlert error={me.error} />
      <DayCardView key={date} ref={quickLog} date={date} units={me.data?.units ?? null} />
    </Page>
  );
}

function DayNavigation(props: { date: string; today: string }): React.JSX.Element {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { date, today } = props;

  return (
    <nav className="day-switcher" aria-label={t("today.dayNavigation")}>
      <Link to={`/day/${addDays(date, -1)}`} rel="prev">
        {t("today.previousDay")}
      </Link>
      <label className="day-picker">
        <span className="visually-hidden">{t("today.pickDate")}</span>
        <input
          type="date"
          value={date}
          max={today}
          onChange={(event) => {
            if (isLocalDate(event.target.value)) void navigate(`/day/${event.target.value}`);
          }}
        />
      </label>
      {date < today ? (
        <Link to={`/day/${addDays(date, 1)}`} rel="next">
          {t("today.nextDay")}
        </Link>
      ) : null}
      {date !== today ? <Link to="/today">{t("today.goToToday")}</Link> : null}
    </nav>
  );
}

/** Renders the sections of one day's card once the card has loaded. */
function DayCardView(props: {
  date: string;
  /** The user's units from /me; null until the profile has loaded. */
  units: Me["units"] | null;
  ref: React.Ref<HTMLDivElement>;
}): React.JSX.Element {
  const { t } = useTranslation();
  const location = useLocation();
  const day = useDay(props.date);
  const units = props.units;

  // The coach's meal photo hands over a confirmed draft; it fills the meal form of its own day.
  const draft = readMealDraft(location.state);
  const dayDraft = draft?.date === props.date ? draft : null;
  // Read once per mount: the card is remounted for each date, and a handed-over draft is not
  // re-read when the location state changes later.
  const [draftItems] = useState(() => (dayDraft ? draftItemsFromHandoff(dayDraft) : []));

  return (
    <div
      className="day-card"
      id={QUICK_LOG_ANCHOR}
      ref={props.ref}
      tabIndex={-1}
      role="group"
      aria-label={t("today.quickLog")}
      aria-busy={day.isPending}
    >
      {day.error ? <ProblemAlert error={day.error} /> : null}
      {(!day.data || !units) && !day.error ? (
        <p className="loading">{t("common.loading")}</p>
      ) : null}
      {/* Weights and loads are typed in the user's units, so no form shows before they are known. */}
      {day.data && units ? (
        <>
          {day.data.wellness.score !== null ? (
            <p className="wellness">{t("today.wellness", { score: day.data.wellness.score })}</p>
          ) : null}
          {dayDraft ? <Alert tone="info">{t("today.meals.fromPhoto")}</Alert> : null}
          <div className="card-grid day-grid">
            <WaterSection day={day.data} />
            <MealsSection day={day.data} draft={dayDraft} draftItems={draftItems} />
            <WorkoutsSection day={day.data} units={units} />
            <StepsSection day={day.data} />
            <SleepSection day={day.data} />
            <MoodSection day={day.data} />
            <BodySection day={day.data} units={units} />
            <NoteSection day={day.data} />
          </div>
        </>
      ) : null}
    </div>
  );
}
