import { Component } from "react";
import type { ErrorInfo, ReactNode } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";

import { Alert } from "./alert";

interface BoundaryState {
  error: unknown;
}

/**
 * Catches an error thrown while one screen renders, so the header, navigation and other screens
 * keep working. Give it `key={location.pathname}` so that moving to another screen clears it.
 */
export class ScreenErrorBoundary extends Component<{ children: ReactNode }, BoundaryState> {
  override state: BoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error("A screen failed to render.", error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.error === null ? this.props.children : <ScreenFailed />;
  }
}

function ScreenFailed(): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Alert tone="error" title={t("common.screenFailed")}>
      <p>
        <Link to="/today">{t("notFound.home")}</Link>
      </p>
    </Alert>
  );
}
