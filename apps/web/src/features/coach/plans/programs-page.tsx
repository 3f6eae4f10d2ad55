import { useId, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import {
  EQUIPMENT,
  PROGRAM_DAYS_PER_WEEK_MAX,
  PROGRAM_GOALS,
  PROGRAM_WEEKS_MAX,
  TRAINING_LEVELS,
} from "@fitcoach/contract";
import type { Equipment, Program, ProgramGoal, ProgramRequest } from "@fitcoach/contract";

import { SelectField } from "../../../ui/select-field";
import { Loading } from "../../../ui/spinner";
import { formatDateTime } from "../../settings/format";
import { CoachProblem } from "../coach-problem";
import { coachKeys } from "../coach-queries";
import { ProgramView } from "./program-view";
import { useCoachApi } from "../use-coach-api";

type TrainingLevel = ProgramRequest["level"];

/** Training programs: build one, pick a saved one, follow it and log sessions against it. */
export function ProgramsPage(): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const coachApi = useCoachApi();
  const [searchParams, setSearchParams] = useSearchParams();
  const listHeadingId = useId();
  const programs = useQuery({
    queryKey: coachKeys.programs,
    queryFn: () => coachApi.listPrograms(),
  });
  const active = programs.data?.find((program) => program.status === "active");
  const selectedId = searchParams.get("program") ?? active?.id ?? programs.data?.[0]?.id ?? null;
  const selected = programs.data?.find((program) => program.id === selectedId) ?? null;

  return (
    <div className="coach-stack">
      <ProgramForm onCreated={(program) => setSearchParams({ program: program.id })} />
      <section className="card" aria-labelledby={listHeadingId}>
        <h2 id={listHeadingId}>{t("coach.programs.saved")}</h2>
        {programs.isPending ? <Loading /> : null}
        <CoachProblem error={programs.error} />
        {programs.isSuccess && programs.data.length === 0 ? (
          <p className="muted">{t("coach.programs.none")}</p>
        ) : null}
        <ul className="choice-list">
          {(programs.data ?? []).map((program) => (
            <li key={program.id}>
              <button
                type="button"
                className="button-link"
                aria-current={program.id === selectedId ? "true" : undefined}
                onClick={() => setSearchParams({ program: program.id })}
              >
                {t("coach.programs.item", {
                  name: program.name,
                  time: formatDateTime(program.createdAt, i18n.language),
                  status: t(`coach.programs.status.${program.status}`),
                })}
              </button>
            </li>
          ))}
        </ul>
      </section>
      {selected ? <ProgramView program={selected} /> : null}
    </div>
  );
}

function ProgramForm(props: { onCreated(program: Program): void }): React.JSX.Element {
  const { t } = useTranslation();
  const coachApi = useCoachApi();
  const queryClient = useQueryClient();
  const headingId = useId();
  const [goal, setGoal] = useState<ProgramGoal>("general");
  const [level, setLevel] = useState<TrainingLevel>("beginner");
  const [daysPerWeek, setDaysPerWeek] = useState(3);
  const [weeks, setWeeks] = useState(8);
  const [equipment, setEquipment] = useState<Equipment[]>(["body only", "dumbbell"]);
  const create = useMutation({
    mutationFn: (request: ProgramRequest) => coachApi.createProgram(request),
    onSuccess: (program) => {
      queryClient.setQueryData<Program[]>(coachKeys.programs, (programs) => [
        program,
        ...(programs ?? []),
      ]);
      props.onCreated(program);
    },
  });

  function toggle(item: Equipment, isChecked: boolean): void {
    setEquipment((current) =>
      isChecked ? [...current, item] : current.filter((value) => value !== item),
    );
  }

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("coach.programs.createTitle")}</h2>
      <p>{t("coach.programs.intro")}</p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate({ goal, level, daysPerWeek, weeks, equipment });
        }}
      >
        <div className="field-row">
          <SelectField
            label={t("coach.programs.goal")}
            value={goal}
            onChange={(event) => setGoal(event.target.value as ProgramGoal)}
            options={PROGRAM_GOALS.map((value) => ({
              value,
              label: t(`coach.programs.goals.${value}`),
            }))}
          />
          <SelectField
            label={t("coach.programs.level")}
            value={level}
            onChange={(event) => setLevel(event.target.value as TrainingLevel)}
            options={TRAINING_LEVELS.map((value) => ({
              value,
              label: t(`coach.programs.levels.${value}`),
            }))}
          />
          <SelectField
            label={t("coach.programs.daysPerWeek")}
            value={String(daysPerWeek)}
            onChange={(event) => setDaysPerWeek(Number(event.target.value))}
            options={numbersUpTo(PROGRAM_DAYS_PER_WEEK_MAX)}
          />
          <SelectField
            label={t("coach.programs.weeks")}
            value={String(weeks)}
            onChange={(event) => setWeeks(Number(event.target.value))}
            options={numbersUpTo(PROGRAM_WEEKS_MAX)}
          />
        </div>
        <fieldset className="checkbox-group">
          <legend>{t("coach.programs.equipment")}</legend>
          <p className="field-hint">{t("coach.programs.equipmentHint")}</p>
          {EQUIPMENT.map((item) => (
            <label key={item} className="checkbox">
              <input
                type="checkbox"
                checked={equipment.includes(item)}
                onChange={(event) => toggle(item, event.target.checked)}
              />
              {t(`coach.equipment.${item}`)}
            </label>
          ))}
        </fieldset>
        <CoachProblem error={create.error} />
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {create.isPending ? t("common.working") : t("coach.programs.create")}
        </button>
      </form>
    </section>
  );
}

function numbersUpTo(maximum: number): { value: string; label: string }[] {
  return Array.from({ length: maximum }, (_, index) => ({
    value: String(index + 1),
    label: String(index + 1),
  }));
}
