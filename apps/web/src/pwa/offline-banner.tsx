import { useTranslation } from "react-i18next";

export function OfflineBanner(): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <p className="offline-banner" role="status">
      {t("offline.banner")}
    </p>
  );
}
