import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";

import { useApi } from "../../app/api-context";
import { ME_QUERY_KEY } from "../../app/me-query";
import { LinkActionPage } from "./link-action";
import { ResendVerification } from "./resend-verification";

export default function VerifyEmailPage(): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  return (
    <LinkActionPage
      title={t("verifyEmail.title")}
      intro={t("verifyEmail.intro")}
      confirmLabel={t("verifyEmail.confirm")}
      successMessage={t("verifyEmail.success")}
      automatic
      action={async (token) => {
        await api.auth.verifyEmail(token);
        await queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
      }}
      failureExtra={
        <>
          <p>{t("verifyEmail.askAgain")}</p>
          <ResendVerification />
        </>
      }
    />
  );
}
