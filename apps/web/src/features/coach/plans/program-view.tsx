import { useId, useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Program } from "@fitcoach/contract";

import { useMe } from "../../../app/me-query";
import { TextField } from "../../../ui/text-field";
import { isLocalDate, todayIn } from "../../today/local-date";
import { CoachProblem } from "../coach-problem";
import { formatNumber } from "../units";
import { useStoreProgram } from "./program-cache";
import { SessionLogForm } from "./session-log-form";
import { useCoachApi } from "../use-coach-api";

type ProgramExercise = Program["weeks"][number]["sessions"][number]["exercises"][number];

/** Renders one program: its rule, progress, the follow or stop step and every week's sessions. */
export function ProgramView(props: { program: Program }): React.JSX.Element {
  const { t } = useTranslation();
  const headingId = useId();
  const { program } = props;
  const [logging, setLogging] = useState<{ week: number; session: number } | null>(null);

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{program.name}</h2>
      <p className="rule">{program.rule}</p>
      <p>
        <label>
          {t("coach.programs.progress", {
            logged: program.progress.loggedSessions,
            total: program.progress.totalSessions,
          })}{" "}
          <progress max={program.progress.totalSessions} value={program.progress.loggedSessions} />
        </label>
      </p>
      <FollowControls program={program} />
      {program.weeks.map((week) => (
        <details key={week.week} className="program-week" open={week.week === 1}>
          <summary>
            {week.isDeload
              ? t("coach.programs.deloadWeek", { week: week.week })
              : t("coach.programs.week", { week: week.week })}
          </summary>
          {week.sessions.map((session) => {
            const isLogging = logging?.week === week.week && logging.session === session.session;
            return (
              <div key={session.session} className="program-session">
                <h3>
                  {t("coach.programs.session", { session: session.session, name: session.name })}
                </h3>
                <ul className="exercise-list">
                  {session.exercises.map((exercise) => (
                    <li key={exercise.exerciseId}>
                      <ExerciseLine exercise={exercise} />
                    </li>
                  ))}
                </ul>
                {program.status === "active" && !isLogging ? (
                  <button
                    type="button"
                    className="button"
                    onClick={() => setLogging({ week: week.week, session: session.session })}
                  >
                    {t("coach.programs.logSession")}{" "}
                    <span className="visually-hidden">
                      {t("coach.programs.sessionOfWeek", {
                        session: session.session,
                        week: week.week,
                      })}
                    </span>
                  </button>
                ) : null}
                {isLogging ? (
                  <SessionLogForm
                    program={program}
                    week={week.week}
                    session={session}
                    onDone={() => setLogging(null)}
                  />
                ) : null}
              </div>
            );
          })}
        </details>
      ))}
    </section>
  );
}

function ExerciseLine(props: { exercise: ProgramExercise }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const { exercise } = props;
  const parts: string[] = [];
  if (exercise.durationMinutes !== null) {
    parts.push(
      t("coach.programs.duration", {
        minutes: formatNumber(exercise.durationMinutes, i18n.language, 1),
      }),
    );
  } else {
    parts.push(t("coach.programs.setsReps", { sets: exercise.sets, reps: exercise.reps ?? "–" }));
  }
  if (exercise.percentOneRepMax !== null) {
    parts.push(
      t("coach.programs.load", {
        percent: formatNumber(exercise.percentOneRepMax, i18n.language, 1),
      }),
    );
  }
  if (exercise.weightKg !== null) {
    parts.push(t("units.kg", { value: formatNumber(exercise.weightKg, i18n.language, 1) }));
  }
  parts.push(t("coach.programs.rest", { seconds: exercise.restSeconds }));

  return (
    <>
      <span className="item-title">{exercise.name}</span> · {parts.join(" · ")}
      {exercise.logged.length > 0 ? (
        <p className="item-meta">
          {t("coach.programs.logged", {
            sets: exercise.logged
              .map((set) =>
                set.durationSeconds !== null
                  ? t("coach.programs.loggedDuration", { seconds: set.durationSeconds })
                  : `${set.reps ?? 0} × ${formatNumber(set.weightKg ?? 0, i18n.language, 1)} kg`,
              )
              .join(", "),
          })}
        </p>
      ) : null}
    </>
  );
}

function FollowControls(props: { program: Program }): React.JSX.Element {
  const { t } = useTranslation();
  const coachApi = useCoachApi();
  const me = useMe();
  const storeProgram = useStoreProgram();
  const [startDate, setStartDate] = useState(todayIn(me.data?.timeZone));
  const follow = useMutation({
    mutationFn: (date: string) => coachApi.followProgram(props.program.id, date),
    onSuccess: storeProgram,
  });
  const stop = useMutation({
    mutationFn: () => coachApi.stopProgram(props.program.id),
    onSuccess: storeProgram,
  });

  if (props.program.status === "active") {
    return (
      <div className="inline-form">
        <p>{t("coach.programs.following", { date: props.program.startDate ?? "" })}</p>
        <button
          type="button"
          className="button"
          disabled={stop.isPending}
          onClick={() => stop.mutate()}
        >
          {t("coach.programs.stop")}
        </button>
        <CoachProblem error={stop.error} />
      </div>
    );
  }
  return (
    <form
      noValidate
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (isLocalDate(startDate)) follow.mutate(startDate);
      }}
    >
      <TextField
        label={t("coach.programs.startDate")}
        type="date"
        value={startDate}
        onChange={(event) => setStartDate(event.target.value)}
        error={isLocalDate(startDate) ? undefined : t("coach.summary.dateInvalid")}
      />
      <button type="submit" className="button button-primary" disabled={follow.isPending}>
        {t("coach.programs.follow")}
      </button>
      <CoachProblem error={follow.error} />
    </form>
  );
}
