import { useId } from "react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { ProblemAlert } from "../../ui/problem-alert";
import { TextField } from "../../ui/text-field";
import { preventSubmitOnEnter } from "./search-input";
import type { DebouncedSearch } from "./use-debounced-search";

/**
 * Renders a search field and its matches below it; screen readers hear when the matches change.
 * `renderResult` fills the list item of one match.
 */
export function SearchBox<Item extends { id: string }>(props: {
  search: DebouncedSearch<Item>;
  label: string;
  hint?: string;
  /** Shown when the query matched nothing. */
  emptyText: string;
  /** Accessible name of the list of matches. */
  resultsLabel: string;
  renderResult(item: Item): ReactNode;
}): React.JSX.Element {
  const { t } = useTranslation();
  const resultsId = useId();
  const { search } = props;

  return (
    <>
      <TextField
        label={props.label}
        type="search"
        autoComplete="off"
        value={search.query}
        aria-controls={resultsId}
        onChange={(event) => search.setQuery(event.target.value)}
        onKeyDown={preventSubmitOnEnter}
        hint={props.hint}
      />
      <div id={resultsId} aria-live="polite">
        {search.isFetching ? <p className="muted">{t("common.loading")}</p> : null}
        <ProblemAlert error={search.error} />
        {search.items ? (
          search.items.length === 0 ? (
            <p className="muted">{props.emptyText}</p>
          ) : (
            <ul className="search-results" aria-label={props.resultsLabel}>
              {search.items.map((item) => (
                <li key={item.id}>{props.renderResult(item)}</li>
              ))}
            </ul>
          )
        ) : null}
      </div>
    </>
  );
}
