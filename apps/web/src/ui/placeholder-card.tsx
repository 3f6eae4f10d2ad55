import { useId } from "react";

/** Renders a section whose screen is not built yet, with a description of what will appear. */
export function PlaceholderCard(props: { title: string; body: string }): React.JSX.Element {
  const id = useId();
  return (
    <section className="card placeholder-card" aria-labelledby={id}>
      <h2 id={id}>{props.title}</h2>
      <p>{props.body}</p>
    </section>
  );
}
