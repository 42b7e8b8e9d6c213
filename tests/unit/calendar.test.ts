import { describe, expect, it } from "vitest";
import {
  appointmentDate,
  countingStartDay,
  extendDueDate,
  localDate,
  makeCalendar,
  workingDaysBetween,
} from "@/lib/calendar/rules";

// 2026: Tết off 16–20 Feb; Saturday 10 Jan worked; 24 Nov off.
const calendar = makeCalendar([
  { date: "2026-02-16", kind: "off" },
  { date: "2026-02-17", kind: "off" },
  { date: "2026-02-18", kind: "off" },
  { date: "2026-02-19", kind: "off" },
  { date: "2026-02-20", kind: "off" },
  { date: "2026-01-10", kind: "working" },
  { date: "2026-11-24", kind: "off" },
]);

const vn = (local: string) => new Date(`${local}+07:00`);

describe("working days", () => {
  it("uses the Vietnamese local date, not UTC", () => {
    expect(localDate(vn("2026-03-02T06:00:00"))).toBe("2026-03-02");
    expect(localDate(new Date("2026-03-01T18:00:00Z"))).toBe("2026-03-02");
  });

  it("counts from the acceptance day before the 15:00 cut-off, from the next working day after it", () => {
    expect(countingStartDay(vn("2026-03-02T10:00:00"), calendar)).toBe("2026-03-02");
    expect(countingStartDay(vn("2026-03-02T15:30:00"), calendar)).toBe("2026-03-03");
    expect(countingStartDay(vn("2026-03-06T16:00:00"), calendar)).toBe("2026-03-09"); // Friday -> Monday
    expect(countingStartDay(vn("2026-03-07T09:00:00"), calendar)).toBe("2026-03-09"); // Saturday
  });

  it("skips weekends", () => {
    // Friday + 1 working day -> Monday 17:00
    expect(appointmentDate(vn("2026-03-06T09:00:00"), 1, calendar)).toEqual(vn("2026-03-09T17:00:00"));
  });

  it("skips Tết and the 24 November holiday", () => {
    // Friday 13 Feb + 1 -> Monday 23 Feb (16–20 off)
    expect(appointmentDate(vn("2026-02-13T09:00:00"), 1, calendar)).toEqual(vn("2026-02-23T17:00:00"));
    // Monday 23 Nov + 1 -> Wednesday 25 Nov
    expect(appointmentDate(vn("2026-11-23T09:00:00"), 1, calendar)).toEqual(vn("2026-11-25T17:00:00"));
  });

  it("counts a swapped working Saturday", () => {
    // Friday 9 Jan + 1 -> Saturday 10 Jan, which is worked
    expect(appointmentDate(vn("2026-01-09T09:00:00"), 1, calendar)).toEqual(vn("2026-01-10T17:00:00"));
  });

  it("extends a due date by the working days a clock stop lasted", () => {
    expect(workingDaysBetween(vn("2026-03-02T09:00:00"), vn("2026-03-04T09:00:00"), calendar)).toBe(2);
    const due = vn("2026-03-10T17:00:00");
    expect(extendDueDate(due, vn("2026-03-05T09:00:00"), vn("2026-03-09T10:00:00"), calendar)).toEqual(
      vn("2026-03-12T17:00:00"),
    );
    expect(extendDueDate(due, vn("2026-03-05T09:00:00"), vn("2026-03-05T16:00:00"), calendar)).toEqual(due);
  });
});
