import type { ReactNode } from "react";

/** Renders a message block: "error" interrupts screen readers at once, the others wait politely. */
export function Alert(props: {
  tone: "error" | "success" | "info";
  title?: string;
  children?: ReactNode;
}): React.JSX.Element {
  return (
    <div className={`alert alert-${props.tone}`} role={props.tone === "error" ? "alert" : "status"}>
      {props.title ? <p className="alert-title">{props.title}</p> : null}
      {props.children}
    </div>
  );
}
