import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { GoalSuggestion } from "@fitcoach/contract";

import { Alert } from "../../ui/alert";
import { ProblemAlert } from "../../ui/problem-alert";
import { formatNumber } from "../coach/units";
import { useGoalsApi } from "./use-goals";

/**
 * Fetches energy and macro targets suggested from the profile and puts them in the form for
 * review. Nothing is saved until the user presses Save.
 */
export function SuggestionButton(props: {
  onSuggest(suggestion: GoalSuggestion): void;
}): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const goals = useGoalsApi();
  const [suggestion, setSuggestion] = useState<GoalSuggestion | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [isPending, setPending] = useState(false);
  const number = (value: number): string => formatNumber(value, i18n.language);

  async function suggest(): Promise<void> {
    setError(null);
    setPending(true);
    try {
      const next = await goals.suggestion();
      setSuggestion(next);
      props.onSuggest(next);
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="goal-suggestion">
      <button type="button" className="button" disabled={isPending} onClick={() => void suggest()}>
        {t("goals.suggestion.button")}
      </button>
      <ProblemAlert
        error={error}
        messages={{ "unprocessable-content": t("goals.suggestion.incomplete") }}
      />
      {suggestion ? (
        <Alert tone="info">
          {t("goals.suggestion.explanation", {
            bmr: number(suggestion.bmrKcal),
            factor: formatNumber(suggestion.basis.activityFactor, i18n.language, 3),
            maintenance: number(suggestion.maintenanceKcal),
          })}
        </Alert>
      ) : null}
    </div>
  );
}
