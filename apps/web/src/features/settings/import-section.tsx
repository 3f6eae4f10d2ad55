import { useId, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { IMPORT_FORMATS, importFieldsSchema } from "@fitcoach/contract";
import type { ImportFields, ImportFormat, ImportJob, Me } from "@fitcoach/contract";

import { useApi } from "../../app/api-context";
import { Alert } from "../../ui/alert";
import { ProblemAlert } from "../../ui/problem-alert";
import { SelectField } from "../../ui/select-field";
import { formatDateTime } from "./format";
import { timeZoneOptions } from "./preferences-section";
import { SettingsSection } from "./settings-section";

const IMPORTS_QUERY_KEY = ["me", "imports"] as const;
/** How often a running import is polled. */
const IMPORT_POLL_INTERVAL_MS = 1000;
/** Recent imports listed under the form. */
const RECENT_IMPORTS_SHOWN = 5;

type DateOrder = NonNullable<ImportFields["dateOrder"]>;

function isFinished(job: ImportJob): boolean {
  return job.status === "completed" || job.status === "failed";
}

/**
 * Imports a FitCoach export or a Strong or Hevy workout file. The server works in the background,
 * so the section polls the job and shows its progress. A job still running when the screen opens
 * again is picked up from the list of recent imports.
 */
export function ImportSection(props: { me: Me }): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<ImportFormat>("fitcoach-json");
  const [unit, setUnit] = useState<"kg" | "lb">(props.me.units === "imperial" ? "lb" : "kg");
  const [timeZone, setTimeZone] = useState(props.me.timeZone);
  const [dateOrder, setDateOrder] = useState<"" | DateOrder>("");
  const [isFileMissing, setFileMissing] = useState(false);
  const [isFieldsInvalid, setFieldsInvalid] = useState(false);
  const [startedId, setStartedId] = useState<string | null>(null);
  const recent = useQuery({ queryKey: IMPORTS_QUERY_KEY, queryFn: () => api.me.listImports() });
  const running = recent.data?.find((job) => !isFinished(job));
  const watchedId = startedId ?? running?.id ?? null;
  const watched = useQuery({
    queryKey: [...IMPORTS_QUERY_KEY, watchedId],
    queryFn: () => api.me.getImport(watchedId!),
    enabled: watchedId !== null,
    refetchInterval: (query) =>
      query.state.data && isFinished(query.state.data) ? false : IMPORT_POLL_INTERVAL_MS,
  });
  const start = useMutation({
    mutationFn: (input: { file: File; fields: ImportFields }) =>
      api.me.startImport(input.file, input.file.name, input.fields),
    onSuccess: (job) => {
      queryClient.setQueryData([...IMPORTS_QUERY_KEY, job.id], job);
      setStartedId(job.id);
      void queryClient.invalidateQueries({ queryKey: IMPORTS_QUERY_KEY, exact: true });
    },
  });
  const isCsv = format !== "fitcoach-json";

  function submit(): void {
    if (!file) {
      setFileMissing(true);
      return;
    }
    setFileMissing(false);
    const fields = importFieldsSchema.safeParse({
      format,
      unit: isCsv ? unit : undefined,
      timeZone,
      dateOrder: isCsv && dateOrder ? dateOrder : undefined,
    });
    // Every field comes from a fixed list, so only a zone this browser lists but zod rejects fails.
    setFieldsInvalid(!fields.success);
    if (fields.success) start.mutate({ file, fields: fields.data });
  }

  return (
    <SettingsSection title={t("settings.import.title")}>
      <p>{t("settings.import.help")}</p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <SelectField
          label={t("settings.import.format")}
          value={format}
          onChange={(event) => setFormat(event.target.value as ImportFormat)}
          options={IMPORT_FORMATS.map((value) => ({
            value,
            label: t(`settings.import.formats.${value}`),
          }))}
        />
        <div className="field">
          <label htmlFor={fileId}>{t("settings.import.file")}</label>
          <input
            id={fileId}
            type="file"
            accept={isCsv ? ".csv,text/csv" : ".json,application/json"}
            aria-invalid={isFileMissing || undefined}
            aria-describedby={isFileMissing ? `${fileId}-error` : undefined}
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
          {isFileMissing ? (
            <p id={`${fileId}-error`} className="field-error">
              {t("settings.import.fileMissing")}
            </p>
          ) : null}
        </div>
        {isCsv ? (
          <>
            <SelectField
              label={t("settings.import.unit")}
              value={unit}
              onChange={(event) => setUnit(event.target.value as "kg" | "lb")}
              options={[
                { value: "kg", label: t("settings.import.units.kg") },
                { value: "lb", label: t("settings.import.units.lb") },
              ]}
            />
            <SelectField
              label={t("settings.import.dateOrder")}
              value={dateOrder}
              onChange={(event) => setDateOrder(event.target.value as "" | DateOrder)}
              options={[
                { value: "", label: t("settings.import.dateOrders.auto") },
                { value: "dmy", label: t("settings.import.dateOrders.dmy") },
                { value: "mdy", label: t("settings.import.dateOrders.mdy") },
              ]}
            />
          </>
        ) : null}
        <SelectField
          label={t("settings.import.timeZone")}
          value={timeZone}
          onChange={(event) => setTimeZone(event.target.value)}
          options={timeZoneOptions(props.me.timeZone).map((zone) => ({
            value: zone,
            label: zone.replaceAll("_", " "),
          }))}
        />
        {isFieldsInvalid ? <Alert tone="error">{t("validation.timeZone")}</Alert> : null}
        <ProblemAlert
          error={start.error}
          messages={{
            "rate-limited": t("settings.import.tooMany"),
            "payload-too-large": t("settings.import.tooLarge"),
          }}
        />
        <button type="submit" className="button" disabled={start.isPending}>
          {start.isPending ? t("common.working") : t("settings.import.submit")}
        </button>
      </form>
      <ProblemAlert error={watched.error} />
      {watched.data ? <ImportProgress job={watched.data} /> : null}
      <RecentImports jobs={(recent.data ?? []).slice(0, RECENT_IMPORTS_SHOWN)} />
    </SettingsSection>
  );
}

function ImportProgress(props: { job: ImportJob }): React.JSX.Element {
  const { t } = useTranslation();
  const progressId = useId();
  const { job } = props;
  const added = Object.entries(job.added).filter(([, count]) => count > 0);

  return (
    <div className="import-progress" aria-live="polite">
      <label htmlFor={progressId}>
        {t(`settings.import.status.${job.status}`, { percent: job.progressPercent })}
      </label>
      <progress id={progressId} max={100} value={job.progressPercent} />
      {job.status === "completed" && job.duplicateOf ? (
        <Alert tone="info">{t("settings.import.duplicate")}</Alert>
      ) : null}
      {job.status === "completed" && !job.duplicateOf ? (
        <Alert tone="success" title={t("settings.import.doneTitle")}>
          {added.length === 0 ? (
            <p>{t("settings.import.nothingAdded")}</p>
          ) : (
            <ul>
              {added.map(([section, count]) => (
                <li key={section}>
                  {t("settings.import.addedRow", {
                    section: t(`settings.import.sections.${section}`, { defaultValue: section }),
                    rows: count,
                  })}
                </li>
              ))}
            </ul>
          )}
        </Alert>
      ) : null}
      {job.status === "failed" ? (
        <Alert tone="error" title={t("settings.import.failedTitle")}>
          {/* NOTE: the server writes the failure in English; it names the row or line to fix. */}
          <p>{job.error ?? t("problems.unknown")}</p>
        </Alert>
      ) : null}
    </div>
  );
}

function RecentImports(props: { jobs: ImportJob[] }): React.JSX.Element | null {
  const { t, i18n } = useTranslation();
  if (props.jobs.length === 0) return null;
  return (
    <>
      <h3>{t("settings.import.recent")}</h3>
      <ul className="item-list">
        {props.jobs.map((job) => (
          <li key={job.id} className="item">
            <div>
              <p className="item-title">{t(`settings.import.formats.${job.format}`)}</p>
              <p className="item-meta">
                {formatDateTime(job.createdAt, i18n.language)} ·{" "}
                {t(`settings.import.status.${job.status}`, { percent: job.progressPercent })}
              </p>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
