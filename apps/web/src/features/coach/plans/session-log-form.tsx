import { useId, useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { programLogSchema } from "@fitcoach/contract";
import type { Program, ProgramLog } from "@fitcoach/contract";

import { useMe } from "../../../app/me-query";
import { Alert } from "../../../ui/alert";
import { TextField } from "../../../ui/text-field";
import { todayIn } from "../../today/local-date";
import { CoachProblem } from "../coach-problem";
import { useStoreProgram } from "./program-cache";
import { useCoachApi } from "../use-coach-api";

type ProgramSession = Program["weeks"][number]["sessions"][number];
type ProgramExercise = ProgramSession["exercises"][number];

/** Sets per exercise the log form offers at most, as the API accepts. */
const SETS_MAX = 20;

/** One set row as typed; empty strings are sent as null. */
interface SetDraft {
  reps: string;
  weightKg: string;
  minutes: string;
}

/**
 * Logs one session of the followed program. Rows start from the sets already logged, else from the
 * prescription, so a typical session needs only a date and a tap. Logging a session again replaces
 * its sets.
 */
export function SessionLogForm(props: {
  program: Program;
  week: number;
  session: ProgramSession;
  onDone(): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const coachApi = useCoachApi();
  const me = useMe();
  const storeProgram = useStoreProgram();
  const { session } = props;
  const [date, setDate] = useState(todayIn(me.data?.timeZone));
  const [rows, setRows] = useState<Record<string, SetDraft[]>>(() =>
    Object.fromEntries(
      session.exercises.map((exercise) => [exercise.exerciseId, startRows(exercise)]),
    ),
  );
  const [isInvalid, setInvalid] = useState(false);
  const log = useMutation({
    mutationFn: (body: ProgramLog) => coachApi.logProgramSession(props.program.id, body),
    onSuccess: (program) => {
      storeProgram(program);
      props.onDone();
    },
  });

  function updateRow(exerciseId: string, index: number, patch: Partial<SetDraft>): void {
    setRows((current) => ({
      ...current,
      [exerciseId]: current[exerciseId]!.map((row, rowIndex) =>
        rowIndex === index ? { ...row, ...patch } : row,
      ),
    }));
  }

  function changeRowCount(exerciseId: string, delta: 1 | -1): void {
    setRows((current) => {
      const list = current[exerciseId]!;
      const next = delta === 1 ? [...list, { ...(list.at(-1) ?? emptyRow()) }] : list.slice(0, -1);
      return { ...current, [exerciseId]: next };
    });
  }

  function submit(): void {
    const body = {
      week: props.week,
      session: session.session,
      date,
      exercises: session.exercises
        .map((exercise) => ({
          exerciseId: exercise.exerciseId,
          sets: (rows[exercise.exerciseId] ?? []).map(toLoggedSet),
        }))
        .filter((exercise) => exercise.sets.length > 0),
    };
    const parsed = programLogSchema.safeParse(body);
    setInvalid(!parsed.success);
    if (parsed.success) log.mutate(parsed.data);
  }

  return (
    <form
      noValidate
      className="session-log"
      aria-label={t("coach.programs.logTitle", { session: session.session, week: props.week })}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <TextField
        label={t("coach.programs.logDate")}
        type="date"
        value={date}
        onChange={(event) => setDate(event.target.value)}
      />
      {session.exercises.map((exercise) => (
        <ExerciseSets
          key={exercise.exerciseId}
          exercise={exercise}
          rows={rows[exercise.exerciseId] ?? []}
          onChange={(index, patch) => updateRow(exercise.exerciseId, index, patch)}
          onCountChange={(delta) => changeRowCount(exercise.exerciseId, delta)}
        />
      ))}
      {isInvalid ? <Alert tone="error">{t("coach.programs.logInvalid")}</Alert> : null}
      <CoachProblem error={log.error} />
      <p className="button-row">
        <button type="submit" className="button button-primary" disabled={log.isPending}>
          {t("coach.programs.saveLog")}
        </button>
        <button type="button" className="button" onClick={props.onDone}>
          {t("common.cancel")}
        </button>
      </p>
    </form>
  );
}

function ExerciseSets(props: {
  exercise: ProgramExercise;
  rows: SetDraft[];
  onChange(index: number, patch: Partial<SetDraft>): void;
  onCountChange(delta: 1 | -1): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const legendId = useId();
  const { exercise, rows } = props;
  const isTimed = exercise.durationMinutes !== null;

  return (
    <fieldset className="set-group" aria-labelledby={legendId}>
      <legend id={legendId}>{exercise.name}</legend>
      {rows.map((row, index) => (
        <div key={index} className="set-row">
          <span className="set-number">{t("coach.programs.setNumber", { number: index + 1 })}</span>
          {isTimed ? (
            <TextField
              label={t("coach.programs.minutes")}
              inputMode="decimal"
              value={row.minutes}
              onChange={(event) => props.onChange(index, { minutes: event.target.value })}
            />
          ) : (
            <>
              <TextField
                label={t("coach.programs.reps")}
                inputMode="numeric"
                value={row.reps}
                onChange={(event) => props.onChange(index, { reps: event.target.value })}
              />
              <TextField
                label={t("coach.programs.weightKg")}
                inputMode="decimal"
                value={row.weightKg}
                onChange={(event) => props.onChange(index, { weightKg: event.target.value })}
              />
            </>
          )}
        </div>
      ))}
      <p className="button-row">
        <button
          type="button"
          className="button"
          disabled={rows.length >= SETS_MAX}
          onClick={() => props.onCountChange(1)}
        >
          {t("coach.programs.addSet")}
          <span className="visually-hidden"> {exercise.name}</span>
        </button>
        <button
          type="button"
          className="button"
          disabled={rows.length === 0}
          onClick={() => props.onCountChange(-1)}
        >
          {t("coach.programs.removeSet")}
          <span className="visually-hidden"> {exercise.name}</span>
        </button>
      </p>
    </fieldset>
  );
}

function emptyRow(): SetDraft {
  return { reps: "", weightKg: "", minutes: "" };
}

function startRows(exercise: ProgramExercise): SetDraft[] {
  if (exercise.logged.length > 0) {
    return exercise.logged.map((set) => ({
      reps: set.reps === null ? "" : String(set.reps),
      weightKg: set.weightKg === null ? "" : String(set.weightKg),
      minutes: set.durationSeconds === null ? "" : String(set.durationSeconds / 60),
    }));
  }
  const row: SetDraft = {
    reps: exercise.reps === null ? "" : String(exercise.reps),
    weightKg: exercise.weightKg === null ? "" : String(exercise.weightKg),
    minutes: exercise.durationMinutes === null ? "" : String(exercise.durationMinutes),
  };
  return Array.from({ length: Math.min(Math.max(exercise.sets, 1), SETS_MAX) }, () => ({ ...row }));
}

function toLoggedSet(row: SetDraft): ProgramLog["exercises"][number]["sets"][number] {
  return {
    reps: readNumber(row.reps),
    weightKg: readNumber(row.weightKg),
    durationSeconds:
      row.minutes.trim() === "" ? null : Math.round(Number(row.minutes.replace(",", ".")) * 60),
  };
}

/** Reads a typed number; empty is null, and text that is not a number stays NaN for the schema. */
function readNumber(text: string): number | null {
  const trimmed = text.trim().replace(",", ".");
  return trimmed === "" ? null : Number(trimmed);
}
