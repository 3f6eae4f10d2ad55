import { act, fireEvent, render, screen } from "@testing-library/react-native";
import { I18nextProvider } from "react-i18next";

import { createI18n } from "../../i18n/i18n";
import { RestTimer, clock } from "./rest-timer";

describe("rest timer", () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it("formats minutes and seconds", () => {
    expect([0, 9, 60, 90, 605].map(clock)).toEqual(["0:00", "0:09", "1:00", "1:30", "10:05"]);
  });

  it("counts down from the stored end time", () => {
    jest.useFakeTimers();
    let now = 1_000_000;
    render(
      <I18nextProvider i18n={createI18n("en")}>
        <RestTimer now={() => now} />
      </I18nextProvider>,
    );

    fireEvent.press(screen.getByRole("button", { name: "Rest for 90 seconds" }));
    expect(screen.getByLabelText("1:30 of rest left")).toBeTruthy();

    // The app was in the background for a minute: the clock moved, few timer ticks ran.
    now += 60_000;
    act(() => jest.advanceTimersByTime(250));
    expect(screen.getByLabelText("0:30 of rest left")).toBeTruthy();

    now += 30_000;
    act(() => jest.advanceTimersByTime(250));
    expect(screen.getByText("Rest is over. Start the next set.")).toBeTruthy();
    expect(screen.queryByRole("timer")).toBeNull();
  });
});
