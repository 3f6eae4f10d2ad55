import { Link } from "react-router";
import { useTranslation } from "react-i18next";

import { Page } from "../ui/page";

export function NotFoundPage(): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Page title={t("notFound.title")} narrow>
      <p>{t("notFound.body")}</p>
      <p>
        <Link to="/">{t("notFound.home")}</Link>
      </p>
    </Page>
  );
}
