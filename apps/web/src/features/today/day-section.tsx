import { useId } from "react";
import type { ReactNode } from "react";

/** Renders one titled block of the daily card. */
export function DaySection(props: {
  title: string;
  children: ReactNode;
  className?: string;
}): React.JSX.Element {
  const headingId = useId();
  return (
    <section
      className={["card", "day-section", props.className].filter(Boolean).join(" ")}
      aria-labelledby={headingId}
    >
      <h2 id={headingId}>{props.title}</h2>
      {props.children}
    </section>
  );
}
