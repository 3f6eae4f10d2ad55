import { useId } from "react";

/** A section whose screen is not built yet; it says what will appear there. */
export function PlaceholderCard(props: { title: string; body: string }): React.JSX.Element {
  const id = useId();
  return (
    <section className="card placeholder-card" aria-labelledby={id}>
      <h2 id={id}>{props.title}</h2>
      <p>{props.body}</p>
    </section>
  );
}
