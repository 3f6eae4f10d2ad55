import { useId } from "react";
import type { ReactNode } from "react";

/** Renders one titled block of the settings screen. */
export function SettingsSection(props: {
  title: string;
  children: ReactNode;
  id?: string;
}): React.JSX.Element {
  const headingId = useId();
  return (
    <section className="card settings-section" aria-labelledby={headingId} id={props.id}>
      <h2 id={headingId}>{props.title}</h2>
      {props.children}
    </section>
  );
}
