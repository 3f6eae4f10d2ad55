import { useTranslation } from "react-i18next";

import { Page } from "../../ui/page";
import { PlaceholderCard } from "../../ui/placeholder-card";

export const GOAL_KINDS = ["weight", "nutrition", "water", "sleep", "activity"] as const;

export default function GoalsPage(): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Page title={t("goals.title")}>
      <div className="card-grid">
        {GOAL_KINDS.map((kind) => (
          <PlaceholderCard
            key={kind}
            title={t(`goals.kinds.${kind}.title`)}
            body={t(`goals.kinds.${kind}.placeholder`)}
          />
        ))}
      </div>
    </Page>
  );
}
