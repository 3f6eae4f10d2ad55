import { describe, expect, it } from "vitest";

import { csvCell, toCsv } from "./csv-writer";
import {
  guessDateOrder,
  monthFromName,
  parseDecimal,
  parseLocalDateTime,
} from "./localized-values";
import { parseDuration } from "./workout-csv";

describe("parseLocalDateTime", () => {
  it.each([
    ["2024-01-08 18:05:33", "dmy", "2024-01-08", "18:05:33"],
    ["2024-01-08T18:05", "dmy", "2024-01-08", "18:05:00"],
    ["08.01.2024 18:05", "mdy", "2024-01-08", "18:05:00"],
    ["08/01/2024 18:05", "dmy", "2024-01-08", "18:05:00"],
    ["01/08/2024 6:05 PM", "mdy", "2024-01-08", "18:05:00"],
    ["12/08/2024 12:30 am", "mdy", "2024-12-08", "00:30:00"],
    ["8 Jan 2024, 18:05", "dmy", "2024-01-08", "18:05:00"],
    ["8 janv. 2024, 18:05", "dmy", "2024-01-08", "18:05:00"],
    ["3 févr. 2024 09:00", "dmy", "2024-02-03", "09:00:00"],
    ["5. März 2024 07:00", "dmy", "2024-03-05", "07:00:00"],
    ["14 июля 2024 г., 10:00", "dmy", "2024-07-14", "10:00:00"],
    ["1. července 2024 10:00", "dmy", "2024-07-01", "10:00:00"],
    ["1. června 2024 10:00", "dmy", "2024-06-01", "10:00:00"],
    ["15 juil. 2024, 10:00", "dmy", "2024-07-15", "10:00:00"],
    ["Jan 8, 2024, 6:05 PM", "dmy", "2024-01-08", "18:05:00"],
    ["2024-05-01", "dmy", "2024-05-01", null],
  ] as const)("reads %s", (text, order, date, time) => {
    expect(parseLocalDateTime(text, order)).toEqual({ date, time });
  });

  it.each([
    "2024-02-30 10:00",
    "31/04/2024",
    "8 Foo 2024",
    "yesterday",
    "13:00",
    "2024-03-05 25:99",
    "01/08/2024 13:05 PM",
  ])("rejects %s", (text) => {
    expect(parseLocalDateTime(text, "dmy")).toBeNull();
  });

  it("guesses the order from the dates", () => {
    expect(guessDateOrder(["01/02/2024", "14/02/2024"])).toBe("dmy");
    expect(guessDateOrder(["01/02/2024", "02/14/2024"])).toBe("mdy");
    expect(guessDateOrder(["01/02/2024"])).toBeNull();
  });

  it("knows Russian May without its breve", () => {
    expect(monthFromName("май")).toBe(5);
    expect(monthFromName("мая")).toBe(5);
  });
});

describe("parseDecimal", () => {
  it.each([
    ["62,5", 62.5],
    ["62.5", 62.5],
    ["1.234,5", 1234.5],
    ["1,234.5", 1234.5],
    [" 100 ", 100],
    ["", null],
  ])("reads %s", (text, value) => {
    expect(parseDecimal(text)).toBe(value);
  });

  it("returns NaN for words", () => {
    expect(parseDecimal("heavy")).toBeNaN();
  });
});

describe("parseDuration", () => {
  it.each([
    ["1h 5m", 65],
    ["45m", 45],
    ["1:05:00", 65],
    ["90", 90],
    ["", 0],
  ])("reads %s", (text, minutes) => {
    expect(parseDuration(text)).toBe(minutes);
  });
});

describe("csvCell", () => {
  it.each([
    ["=SUM(A1)", "'=SUM(A1)"],
    ["+1", "'+1"],
    ["-2", "'-2"],
    ["@cmd", "'@cmd"],
    ["\tx", '"\'\tx"'],
    ["a,b", '"a,b"'],
    ["Legs;=1+1;x", '"Legs;=1+1;x"'],
    ["a\t=1", '"a\t=1"'],
    ['say "hi"', '"say ""hi"""'],
  ])("writes %j safely", (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it("keeps numbers numeric", () => {
    expect(csvCell(-2.5)).toBe("-2.5");
    expect(toCsv([{ a: 1, b: null }, { b: ["x"] }])).toBe('a,b\r\n1,\r\n,"[""x""]"\r\n');
  });
});
