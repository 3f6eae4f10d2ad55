import { useEffect, useRef } from "react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/**
 * Renders a screen with its heading. The heading takes focus when the screen opens, so keyboard and
 * screen-reader users start at the new content after every route change.
 */
export function Page(props: {
  title: string;
  children: ReactNode;
  narrow?: boolean;
}): React.JSX.Element {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${props.title} · ${t("app.name")}`;
    heading.current?.focus();
  }, [props.title, t]);

  return (
    <section className={props.narrow ? "page page-narrow" : "page"} aria-labelledby="page-title">
      <h1 id="page-title" ref={heading} tabIndex={-1}>
        {props.title}
      </h1>
      {props.children}
    </section>
  );
}
