import { useEffect, useRef } from "react";
import { Link, useLocation, useNavigate, useParams } from "react-router";
import { useTranslation } from "react-i18next";

import { useMe } from "../../app/me-query";
import { Alert } from "../../ui/alert";
import { Page } from "../../ui/page";
import { PlaceholderCard } from "../../ui/placeholder-card";
import { QUICK_LOG_ANCHOR } from "../../desktop/quick-log-listener";
import { addDays, isLocalDate, todayIn } from "./local-date";

// Sections of the daily card, in the order they appear; each gets its screen once its API lands.
export const DAY_SECTIONS = [
  "water",
  "meals",
  "workouts",
  "sleep",
  "mood",
  "body",
  "note",
] as const;

/** Renders the daily card for /today and /day/:date. */
export default function TodayPage(): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const params = useParams();
  const me = useMe();
  const location = useLocation();
  const quickLog = useRef<HTMLDivElement>(null);
  const today = todayIn(me.data?.timeZone);

  // The desktop tray and shortcut open /today#quick-log; focus moves there on every request,
  // after the page has focused its heading.
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
      </nav>
      <div
        className="card-grid"
        id={QUICK_LOG_ANCHOR}
        ref={quickLog}
        tabIndex={-1}
        role="group"
        aria-label={t("today.quickLog")}
      >
        {DAY_SECTIONS.map((section) => (
          <PlaceholderCard
            key={section}
            title={t(`today.sections.${section}.title`)}
            body={t(`today.sections.${section}.placeholder`)}
          />
        ))}
      </div>
    </Page>
  );
}
