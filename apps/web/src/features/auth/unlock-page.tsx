import { useTranslation } from "react-i18next";

import { useApi } from "../../app/api-context";
import { LinkActionPage } from "./link-action";

export default function UnlockPage(): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  return (
    <LinkActionPage
      title={t("unlock.title")}
      intro={t("unlock.intro")}
      confirmLabel={t("unlock.confirm")}
      successMessage={t("unlock.success")}
      automatic={false}
      action={(token) => api.auth.unlock(token)}
    />
  );
}
