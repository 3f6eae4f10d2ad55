import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";

import { useApi } from "../../app/api-context";
import { ME_QUERY_KEY } from "../../app/me-query";
import { LinkActionPage } from "./link-action";

/** Confirms a change of email address from the link mailed to the new address. */
export default function ConfirmEmailPage(): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  return (
    <LinkActionPage
      title={t("confirmEmail.title")}
      intro={t("confirmEmail.intro")}
      confirmLabel={t("confirmEmail.confirm")}
      successMessage={t("confirmEmail.success")}
      automatic={false}
      action={async (token) => {
        await api.auth.confirmEmail(token);
        await queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
      }}
    />
  );
}
