import { useTranslation } from "react-i18next";

import { useApi } from "../../app/api-context";
import { LinkActionPage } from "./link-action";
import { ResendVerification } from "./resend-verification";

export default function VerifyEmailPage(): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  return (
    <LinkActionPage
      title={t("verifyEmail.title")}
      intro={t("verifyEmail.intro")}
      confirmLabel={t("verifyEmail.confirm")}
      successMessage={t("verifyEmail.success")}
      automatic
      action={(token) => api.auth.verifyEmail(token)}
      failureExtra={
        <>
          <p>{t("verifyEmail.askAgain")}</p>
          <ResendVerification />
        </>
      }
    />
  );
}
