import { useTranslation } from "react-i18next";

import { useSession } from "../app/session";

/** Tells the user that offline changes of an ended session were removed without being sent. */
export function DroppedWritesNotice(): React.JSX.Element | null {
  const { t } = useTranslation();
  const { droppedOfflineWrites, dismissDroppedOfflineWrites } = useSession();
  if (droppedOfflineWrites === 0) return null;
  return (
    <div className="offline-banner" role="alert">
      <p>{t("offline.writesDropped", { count: droppedOfflineWrites })}</p>
      <button type="button" className="button" onClick={dismissDroppedOfflineWrites}>
        {t("offline.dismiss")}
      </button>
    </div>
  );
}
