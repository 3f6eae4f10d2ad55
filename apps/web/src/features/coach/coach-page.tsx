import { useTranslation } from "react-i18next";

import { Page } from "../../ui/page";
import { PlaceholderCard } from "../../ui/placeholder-card";

export const COACH_PARTS = ["summary", "chat", "plans"] as const;

export default function CoachPage(): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Page title={t("coach.title")}>
      <div className="card-grid">
        {COACH_PARTS.map((part) => (
          <PlaceholderCard
            key={part}
            title={t(`coach.parts.${part}.title`)}
            body={t(`coach.parts.${part}.placeholder`)}
          />
        ))}
      </div>
    </Page>
  );
}
