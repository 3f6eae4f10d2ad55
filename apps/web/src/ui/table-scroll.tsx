import type { ReactNode } from "react";

/**
 * Wraps a wide table so it scrolls sideways on a phone. The wrapper takes focus, so keyboard users
 * can scroll it too, and its label names it for screen readers.
 */
export function TableScroll(props: { label: string; children: ReactNode }): React.JSX.Element {
  return (
    <div className="table-scroll" role="region" aria-label={props.label} tabIndex={0}>
      {props.children}
    </div>
  );
}
