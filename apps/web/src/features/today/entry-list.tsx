import type { ReactNode } from "react";

import { EntryActions, useEditingEntry } from "./entry-editing";

/** Props a section passes to the edit form of one listed entry. */
export interface EntryEditProps<Entry> {
  entry: Entry;
  /** Names the entry, as its row shows it. */
  label: string;
  refreshDay: () => Promise<void>;
  /** Closes the form; focus goes back to the entry's Edit button. */
  onDone(): void;
}

/**
 * Lists the entries of one kind, each with Edit and Delete buttons. Editing swaps the row for the
 * form that `renderEditForm` returns, one entry at a time.
 */
export function EntryList<Entry extends { id: string }>(props: {
  entries: readonly Entry[];
  /** Shown above the list while it is empty; without it an empty list shows nothing more. */
  emptyText?: string;
  /** Accessible name of the list; without it the list has none. */
  listLabel?: string;
  labelOf(entry: Entry): string;
  /** The row's text; the label alone in a paragraph unless given. */
  renderText?(entry: Entry, label: string): ReactNode;
  renderEditForm(edit: EntryEditProps<Entry>): ReactNode;
  refreshDay: () => Promise<void>;
  isDeleting: boolean;
  onDelete(entry: Entry): void;
}): React.JSX.Element {
  const editing = useEditingEntry();

  return (
    <>
      {props.entries.length === 0 && props.emptyText ? (
        <p className="muted">{props.emptyText}</p>
      ) : null}
      <ul className="item-list" aria-label={props.listLabel}>
        {props.entries.map((entry) => {
          const label = props.labelOf(entry);
          return (
            <li key={entry.id} className="item">
              {editing.editingId === entry.id ? (
                props.renderEditForm({
                  entry,
                  label,
                  refreshDay: props.refreshDay,
                  onDone: editing.stop,
                })
              ) : (
                <>
                  {props.renderText ? props.renderText(entry, label) : <p>{label}</p>}
                  <EntryActions
                    label={label}
                    editButtonRef={editing.editButtonRef(entry.id)}
                    isDeleting={props.isDeleting}
                    onEdit={() => editing.start(entry.id)}
                    onDelete={() => props.onDelete(entry)}
                  />
                </>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
