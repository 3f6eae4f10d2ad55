import { afterEach, describe, expect, it, vi } from "vitest";
import { render, screen } from "@testing-library/react";
import { I18nextProvider } from "react-i18next";
import { MemoryRouter } from "react-router";

import { createI18n } from "../i18n/i18n";
import { ScreenErrorBoundary } from "./screen-error-boundary";

afterEach(() => vi.restoreAllMocks());

function BrokenScreen(): React.JSX.Element {
  throw new Error("External navigation is not allowed");
}

describe("ScreenErrorBoundary", () => {
  it("keeps the rest of the page", () => {
    // React and the boundary both log the caught error, which would only clutter the output.
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);

    render(
      <I18nextProvider i18n={createI18n("en")}>
        <MemoryRouter>
          <nav aria-label="Main" />
          <ScreenErrorBoundary>
            <BrokenScreen />
          </ScreenErrorBoundary>
        </MemoryRouter>
      </I18nextProvider>,
    );

    expect(screen.getByRole("alert")).toHaveTextContent("This screen could not be shown.");
    expect(screen.getByRole("link", { name: "Go to the start page" })).toHaveAttribute(
      "href",
      "/today",
    );
    expect(screen.getByRole("navigation", { name: "Main" })).toBeInTheDocument();
    expect(logged).toHaveBeenCalledWith(
      "A screen failed to render.",
      expect.any(Error),
      expect.any(String),
    );
  });
});
