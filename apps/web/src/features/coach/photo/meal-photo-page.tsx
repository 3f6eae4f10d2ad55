import { useEffect, useId, useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { ProblemError } from "@fitcoach/client";
import type { MealPhotoDraft } from "@fitcoach/contract";

import { Alert } from "../../../ui/alert";
import { CoachProblem } from "../coach-problem";
import { SourceNote } from "../daily-summary-card";
import { DraftEditor } from "./draft-editor";
import { useCoachApi } from "../use-coach-api";

/** Image types the API reads; it checks the bytes too, so this only saves a useless upload. */
const PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp"];

/** Meal photo → draft meal: upload a photo, then confirm or edit the foods the model found. */
export function MealPhotoPage(): React.JSX.Element {
  const { t } = useTranslation();
  const coachApi = useCoachApi();
  const headingId = useId();
  const inputId = useId();
  const [photo, setPhoto] = useState<File | null>(null);
  const [typeError, setTypeError] = useState(false);
  const previewUrl = usePreviewUrl(photo);
  const recognize = useMutation({
    mutationFn: (file: File) => coachApi.recognizeMealPhoto(file, file.name),
  });

  return (
    <div className="coach-stack">
      <section className="card" aria-labelledby={headingId}>
        <h2 id={headingId}>{t("coach.photo.title")}</h2>
        <p>{t("coach.photo.intro")}</p>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (photo && !typeError) recognize.mutate(photo);
          }}
        >
          <div className="field">
            <label htmlFor={inputId}>{t("coach.photo.file")}</label>
            <input
              id={inputId}
              type="file"
              accept={PHOTO_TYPES.join(",")}
              aria-describedby={typeError ? `${inputId}-error` : undefined}
              aria-invalid={typeError || undefined}
              onChange={(event) => {
                const file = event.target.files?.[0] ?? null;
                setPhoto(file);
                setTypeError(file !== null && !PHOTO_TYPES.includes(file.type));
                recognize.reset();
              }}
            />
            {typeError ? (
              <p id={`${inputId}-error`} className="field-error">
                {t("coach.photo.wrongType")}
              </p>
            ) : null}
          </div>
          {previewUrl ? (
            <img className="photo-preview" src={previewUrl} alt={t("coach.photo.preview")} />
          ) : null}
          <button
            type="submit"
            className="button button-primary"
            disabled={!photo || typeError || recognize.isPending}
          >
            {recognize.isPending ? t("common.working") : t("coach.photo.submit")}
          </button>
        </form>
        <PhotoProblem error={recognize.error} />
      </section>
      {recognize.data ? <DraftSection key={recognize.submittedAt} draft={recognize.data} /> : null}
    </div>
  );
}

function DraftSection(props: { draft: MealPhotoDraft }): React.JSX.Element {
  return (
    <>
      <DraftEditor draft={props.draft} />
      <SourceNote {...props.draft} />
    </>
  );
}

/** Explains the refusals that have a clear next step; the rest get the general message. */
function PhotoProblem(props: { error: unknown }): React.JSX.Element | null {
  const { t } = useTranslation();
  const { error } = props;
  if (!(error instanceof ProblemError)) return <CoachProblem error={error} />;

  if (error.reason === "vision-model-required") {
    return (
      <Alert tone="error" title={t("coach.photo.visionRequiredTitle")}>
        <p>{t("coach.photo.visionRequired")}</p>
        <p>
          <Link to="/today">{t("coach.photo.logByHand")}</Link>
        </p>
      </Alert>
    );
  }
  if (error.reason === "consent-required") {
    return (
      <Alert tone="error">
        <p>{t("coach.photo.consentRequired")}</p>
        <p>
          <Link to="/coach/privacy">{t("coach.photo.toPrivacy")}</Link>
        </p>
      </Alert>
    );
  }
  return (
    <CoachProblem
      error={error}
      messages={{
        "payload-too-large": t("coach.photo.tooLarge"),
        "unsupported-media-type": t("coach.photo.wrongType"),
        "bad-gateway": t("coach.photo.providerFailed"),
        "service-unavailable": t("coach.photo.providerTimeout"),
      }}
    />
  );
}

/** Returns an object URL for the chosen photo and revokes it when the photo changes. */
function usePreviewUrl(file: File | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!file) {
      setUrl(null);
      return;
    }
    const next = URL.createObjectURL(file);
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [file]);
  return url;
}
