import { useEffect, useRef } from "react";
import { Link } from "react-router";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";

import { useSession } from "../../app/session";
import { Alert } from "../../ui/alert";
import { Page } from "../../ui/page";
import { ProblemAlert } from "../../ui/problem-alert";
import { useLinkToken } from "./link-token";

/**
 * Renders the screen for a mailed single-use link. With `automatic`, the page uses the link as
 * soon as it opens. Otherwise the reader confirms with a button, so that a mail scanner that runs
 * scripts cannot use the link.
 */
export function LinkActionPage(props: {
  title: string;
  intro: string;
  confirmLabel: string;
  successMessage: string;
  automatic: boolean;
  action(token: string): Promise<void>;
  failureExtra?: React.ReactNode;
}): React.JSX.Element {
  const { t } = useTranslation();
  const token = useLinkToken();
  const { status } = useSession();
  const mutation = useMutation({ mutationFn: props.action });
  const hasStarted = useRef(false);
  const { automatic } = props;
  const { mutate } = mutation;

  useEffect(() => {
    // React's development double render runs effects twice; a single-use token must be sent once.
    if (!automatic || !token || hasStarted.current) return;
    hasStarted.current = true;
    mutate(token);
  }, [automatic, token, mutate]);

  const next = status === "signed-in" ? "/today" : "/login";
  return (
    <Page title={props.title} narrow>
      {!token ? <Alert tone="error">{t("links.invalid")}</Alert> : null}
      {token && mutation.isIdle ? (
        <>
          <p>{props.intro}</p>
          <button
            type="button"
            className="button button-primary"
            onClick={() => mutation.mutate(token)}
          >
            {props.confirmLabel}
          </button>
        </>
      ) : null}
      {mutation.isPending ? <p role="status">{t("common.working")}</p> : null}
      {mutation.isSuccess ? <Alert tone="success">{props.successMessage}</Alert> : null}
      {mutation.isError ? (
        <>
          <ProblemAlert error={mutation.error} />
          {props.failureExtra}
        </>
      ) : null}
      <p>
        <Link to={next}>{status === "signed-in" ? t("links.toApp") : t("common.backToLogin")}</Link>
      </p>
    </Page>
  );
}
