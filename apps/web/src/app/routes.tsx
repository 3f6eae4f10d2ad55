import { lazy } from "react";
import { Navigate, Route, Routes } from "react-router";

import { LoginPage } from "../features/auth/login-page";
import { NotFoundPage } from "./not-found-page";
import { RequireNoSession, RequireSession } from "./guards";
import { AppLayout, PublicLayout } from "./layout";
import { useSession } from "./session";

// The login screen is in the entry chunk because most cold starts land on it. Every other screen
// loads on demand, so the first download stays small.
const RegisterPage = lazy(() => import("../features/auth/register-page"));
const ForgotPasswordPage = lazy(() => import("../features/auth/forgot-password-page"));
const ResetPasswordPage = lazy(() => import("../features/auth/reset-password-page"));
const VerifyEmailPage = lazy(() => import("../features/auth/verify-email-page"));
const UnlockPage = lazy(() => import("../features/auth/unlock-page"));
const ConfirmEmailPage = lazy(() => import("../features/auth/confirm-email-page"));
const TodayPage = lazy(() => import("../features/today/today-page"));
const StatsPage = lazy(() => import("../features/stats/stats-page"));
const GoalsPage = lazy(() => import("../features/goals/goals-page"));
const CoachPage = lazy(() => import("../features/coach/coach-page"));
const SettingsPage = lazy(() => import("../features/settings/settings-page"));
const RemindersPage = lazy(() => import("../features/reminders/reminders-page"));
const NotificationsPage = lazy(() => import("../features/notifications/notifications-page"));

export function AppRoutes(): React.JSX.Element {
  return (
    <Routes>
      <Route index element={<HomeRedirect />} />
      <Route element={<PublicLayout />}>
        <Route element={<RequireNoSession />}>
          <Route path="login" element={<LoginPage />} />
          <Route path="register" element={<RegisterPage />} />
          <Route path="forgot-password" element={<ForgotPasswordPage />} />
        </Route>
        <Route path="verify-email" element={<VerifyEmailPage />} />
        <Route path="reset-password" element={<ResetPasswordPage />} />
        <Route path="unlock" element={<UnlockPage />} />
        <Route path="confirm-email" element={<ConfirmEmailPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
      <Route element={<RequireSession />}>
        <Route element={<AppLayout />}>
          <Route path="today" element={<TodayPage />} />
          <Route path="day/:date" element={<TodayPage />} />
          <Route path="stats" element={<StatsPage />} />
          <Route path="goals" element={<GoalsPage />} />
          <Route path="coach/*" element={<CoachPage />} />
          <Route path="settings" element={<SettingsPage />} />
          <Route path="settings/reminders" element={<RemindersPage />} />
          <Route path="notifications" element={<NotificationsPage />} />
        </Route>
      </Route>
    </Routes>
  );
}

function HomeRedirect(): React.JSX.Element {
  const { status } = useSession();
  if (status === "signed-out") return <Navigate to="/login" replace />;
  return <Navigate to="/today" replace />;
}
