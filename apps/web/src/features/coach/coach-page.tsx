import { NavLink, Route, Routes } from "react-router";
import { useTranslation } from "react-i18next";

import { Page } from "../../ui/page";
import { ChatPage } from "./chat/chat-page";
import { DailySummaryCard } from "./daily-summary-card";
import { MealPhotoPage } from "./photo/meal-photo-page";
import { MealPlansPage } from "./plans/meal-plans-page";
import { ProgramsPage } from "./plans/programs-page";
import { PrivacyPage } from "./privacy/privacy-page";
import { TargetsCard } from "./targets-card";
import "../../styles/widgets.css";
import "./coach.css";

/** Parts of the coach, each at its own path under /coach so it can be linked to. */
export const COACH_SECTIONS = [
  { path: "", key: "overview" },
  { path: "chat", key: "chat" },
  { path: "meal-plans", key: "mealPlans" },
  { path: "programs", key: "programs" },
  { path: "photo", key: "photo" },
  { path: "privacy", key: "privacy" },
] as const;

export default function CoachPage(): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Page title={t("coach.title")}>
      <nav className="sub-nav" aria-label={t("coach.sectionsLabel")}>
        <ul>
          {COACH_SECTIONS.map((section) => (
            <li key={section.key}>
              <NavLink to={section.path ? `/coach/${section.path}` : "/coach"} end={!section.path}>
                {t(`coach.sections.${section.key}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Routes>
        <Route index element={<CoachOverview />} />
        <Route path="chat" element={<ChatPage />} />
        <Route path="chat/:conversationId" element={<ChatPage />} />
        <Route path="meal-plans" element={<MealPlansPage />} />
        <Route path="programs" element={<ProgramsPage />} />
        <Route path="photo" element={<MealPhotoPage />} />
        <Route path="privacy" element={<PrivacyPage />} />
        <Route path="*" element={<p>{t("notFound.body")}</p>} />
      </Routes>
    </Page>
  );
}

function CoachOverview(): React.JSX.Element {
  return (
    <div className="coach-stack">
      <TargetsCard />
      <DailySummaryCard />
    </div>
  );
}
