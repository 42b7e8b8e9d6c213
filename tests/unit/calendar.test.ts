import { describe, expect, it } from "vitest";
import {
  addWorkingTime,
  appointmentAt,
  appointmentDate,
  countingStart,
  countingStartDay,
  defaultWorkingHours,
  extendDueDate,
  localDate,
  makeCalendar,
  workingDaysBetween,
  workingHoursIssue,
  workingHoursOf,
  workingTimeBetween,
  workingTimeLeft,
  type WorkingHours,
} from "@/lib/calendar/rules";

// 2026: Tết off 16–20 Feb; Saturday 10 Jan worked; 24 Nov off.
const calendar = makeCalendar([
  { date: "2026-02-16", kind: "holiday" },
  { date: "2026-02-17", kind: "holiday" },
  { date: "2026-02-18", kind: "holiday" },
  { date: "2026-02-19", kind: "holiday" },
  { date: "2026-02-20", kind: "holiday" },
  { date: "2026-01-02", kind: "swap_off" },
  { date: "2026-01-10", kind: "swap_work" },
  { date: "2026-04-27", kind: "makeup_off" },
  { date: "2026-11-24", kind: "holiday" },
]);
const hours = defaultWorkingHours;
/** An agency whose day is exactly 8 hours: 07:00–11:30, 13:30–17:00. */
const eightHourDay: WorkingHours = { ...hours, morningStart: 7 * 60 };

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

  it("keeps the old kinds readable (off / working) and the new ones apart", () => {
    const old = makeCalendar([
      { date: "2026-03-03", kind: "off" },
      { date: "2026-03-07", kind: "working" },
    ]);
    expect(old.offDays.has("2026-03-03")).toBe(true);
    expect(old.workedDays.has("2026-03-07")).toBe(true);
    expect([...calendar.offDays]).toContain("2026-04-27");
    expect([...calendar.workedDays]).toEqual(["2026-01-10"]);
  });
});

describe("when the time limit starts", () => {
  it("starts at once inside the sessions before the cut-off", () => {
    expect(countingStart(calendar, hours, vn("2026-03-02T10:15:00"))).toEqual(vn("2026-03-02T10:15:00"));
    expect(countingStart(calendar, hours, vn("2026-03-02T14:59:00"))).toEqual(vn("2026-03-02T14:59:00"));
  });
  it("starts at the opening when accepted before it, after lunch when accepted at lunch", () => {
    expect(countingStart(calendar, hours, vn("2026-03-02T06:45:00"))).toEqual(vn("2026-03-02T07:30:00"));
    expect(countingStart(calendar, hours, vn("2026-03-02T12:10:00"))).toEqual(vn("2026-03-02T13:30:00"));
  });
  it("starts at the next working day's opening from the cut-off on, and on days off", () => {
    expect(countingStart(calendar, hours, vn("2026-03-02T15:00:00"))).toEqual(vn("2026-03-03T07:30:00"));
    expect(countingStart(calendar, hours, vn("2026-03-06T16:30:00"))).toEqual(vn("2026-03-09T07:30:00"));
    expect(countingStart(calendar, hours, vn("2026-02-14T09:00:00"))).toEqual(vn("2026-02-23T07:30:00"));
  });
  it("follows the agency's own cut-off", () => {
    const late = { ...hours, cutoff: 16 * 60 };
    expect(countingStart(calendar, late, vn("2026-03-02T15:30:00"))).toEqual(vn("2026-03-02T15:30:00"));
  });
});

describe("appointments in working hours", () => {
  it("N working days from the opening ends at the close of the Nth day", () => {
    expect(appointmentAt(calendar, hours, vn("2026-03-02T07:00:00"), 8)).toEqual(vn("2026-03-02T17:00:00"));
    expect(appointmentAt(calendar, hours, vn("2026-03-02T07:00:00"), 24)).toEqual(vn("2026-03-04T17:00:00"));
  });

  it("an 8-hour day counts N × 8 working hours exactly", () => {
    // Monday 10:00 + 8 h: 1 h 30 in the morning, 3 h 30 in the afternoon, 3 h on Tuesday morning.
    expect(appointmentAt(calendar, eightHourDay, vn("2026-03-02T10:00:00"), 8)).toEqual(
      vn("2026-03-03T10:00:00"),
    );
    expect(
      workingTimeBetween(calendar, eightHourDay, vn("2026-03-02T10:00:00"), vn("2026-03-03T10:00:00")),
    ).toBe(480);
  });

  it("a day of the default 7 h 30 is still one working day (an hour of the limit is an eighth of it)", () => {
    expect(appointmentAt(calendar, hours, vn("2026-03-02T10:00:00"), 8)).toEqual(vn("2026-03-03T10:00:00"));
    expect(appointmentDate(vn("2026-03-02T10:00:00"), 15, calendar)).toEqual(vn("2026-03-23T10:00:00"));
  });

  it("half a day is 4 hours' share; it may end as the morning closes", () => {
    expect(appointmentAt(calendar, eightHourDay, vn("2026-03-02T07:00:00"), 4)).toEqual(
      vn("2026-03-02T11:00:00"),
    );
    expect(appointmentAt(calendar, hours, vn("2026-03-02T09:45:00"), 4)).toEqual(vn("2026-03-02T15:30:00"));
    // 07:30 + 4 h of an 8-hour morning-heavy day ends exactly as the morning closes, not after lunch.
    const long = {
      ...hours,
      morningEnd: 11 * 60 + 30,
      morningStart: 7 * 60 + 30,
      afternoonEnd: 17 * 60 + 30,
    };
    expect(appointmentAt(calendar, long, vn("2026-03-02T07:30:00"), 4)).toEqual(vn("2026-03-02T11:30:00"));
  });

  it("'within the day' ends at that day's close, or the next working day's after the cut-off", () => {
    expect(appointmentAt(calendar, hours, vn("2026-03-02T10:00:00"), 0)).toEqual(vn("2026-03-02T17:00:00"));
    expect(appointmentAt(calendar, hours, vn("2026-03-02T15:10:00"), 0)).toEqual(vn("2026-03-03T17:00:00"));
  });

  it("skips weekends, Tết, make-up days and the 24 November holiday; counts a worked Saturday", () => {
    expect(appointmentDate(vn("2026-03-06T09:00:00"), 1, calendar)).toEqual(vn("2026-03-09T09:00:00"));
    expect(appointmentDate(vn("2026-02-13T09:00:00"), 1, calendar)).toEqual(vn("2026-02-23T09:00:00"));
    expect(appointmentDate(vn("2026-04-24T09:00:00"), 1, calendar)).toEqual(vn("2026-04-28T09:00:00"));
    expect(appointmentDate(vn("2026-11-23T09:00:00"), 1, calendar)).toEqual(vn("2026-11-25T09:00:00"));
    expect(appointmentDate(vn("2026-01-09T09:00:00"), 1, calendar)).toEqual(vn("2026-01-10T09:00:00"));
  });
});

describe("clock stops and time left", () => {
  it("measures working time between two instants, lunch and nights excluded", () => {
    expect(workingTimeBetween(calendar, hours, vn("2026-03-02T11:00:00"), vn("2026-03-02T14:00:00"))).toBe(
      60,
    );
    expect(workingTimeBetween(calendar, hours, vn("2026-03-06T16:00:00"), vn("2026-03-09T08:30:00"))).toBe(
      120,
    );
    expect(workingTimeBetween(calendar, hours, vn("2026-03-09T08:30:00"), vn("2026-03-06T16:00:00"))).toBe(0);
  });

  it("moves the appointment later by the stop's working time", () => {
    const due = vn("2026-03-10T10:00:00");
    // Stopped Thursday 16:00, resumed Friday 09:30: 1 h + 2 h of working time.
    expect(extendDueDate(due, vn("2026-03-05T16:00:00"), vn("2026-03-06T09:30:00"), calendar)).toEqual(
      vn("2026-03-10T15:00:00"),
    );
    // A stop outside working hours adds nothing.
    expect(extendDueDate(due, vn("2026-03-05T18:00:00"), vn("2026-03-06T07:00:00"), calendar)).toEqual(due);
    // A due date at the close moves into the next working day.
    expect(
      extendDueDate(
        vn("2026-03-06T17:00:00"),
        vn("2026-03-02T08:00:00"),
        vn("2026-03-02T09:00:00"),
        calendar,
      ),
    ).toEqual(vn("2026-03-09T08:30:00"));
  });

  it("tells the working time left, and how late", () => {
    expect(workingTimeLeft(calendar, hours, vn("2026-03-02T16:00:00"), vn("2026-03-03T09:00:00"))).toBe(150);
    expect(workingTimeLeft(calendar, hours, vn("2026-03-03T10:00:00"), vn("2026-03-03T09:00:00"))).toBe(-60);
    expect(workingTimeLeft(calendar, hours, vn("2026-03-03T20:00:00"), vn("2026-03-03T17:00:00"))).toBe(-1);
  });

  it("adds nothing for zero and walks across a long break", () => {
    const at = vn("2026-02-13T16:00:00");
    expect(addWorkingTime(calendar, hours, at, 0)).toEqual(at);
    expect(addWorkingTime(calendar, hours, at, 90)).toEqual(vn("2026-02-23T08:00:00"));
    expect(workingDaysBetween(vn("2026-02-13T09:00:00"), vn("2026-02-23T09:00:00"), calendar)).toBe(1);
  });
});

describe("working hours", () => {
  it("fills the fields an agency left empty with the defaults", () => {
    expect(workingHoursOf(null)).toEqual(defaultWorkingHours);
    expect(workingHoursOf({ morningStart: 420, cutoff: null })).toEqual({
      ...defaultWorkingHours,
      morningStart: 420,
    });
  });
  it("refuses sessions out of order and a cut-off outside the day", () => {
    expect(workingHoursIssue(defaultWorkingHours)).toBeNull();
    expect(workingHoursIssue({ ...hours, morningEnd: 14 * 60 })).toBe("order");
    expect(workingHoursIssue({ ...hours, cutoff: 18 * 60 })).toBe("cutoff");
  });
});

describe("a dossier's working time left", () => {
  it("counts while the clock runs, freezes while it is stopped, and says nothing once done", async () => {
    const { dossierWorkingTimeLeft } = await import("@/lib/dossiers/rules");
    const due = vn("2026-03-03T09:00:00");
    const now = vn("2026-03-02T16:00:00");
    expect(
      dossierWorkingTimeLeft({ status: "in_progress", dueAt: due, clockStoppedAt: null }, now, calendar),
    ).toEqual({
      minutes: 150,
      stopped: false,
    });
    expect(
      dossierWorkingTimeLeft(
        { status: "supplement_requested", dueAt: due, clockStoppedAt: vn("2026-03-02T10:00:00") },
        vn("2026-03-20T10:00:00"),
        calendar,
      ),
    ).toEqual({ minutes: 390, stopped: true });
    expect(
      dossierWorkingTimeLeft({ status: "done", dueAt: due, clockStoppedAt: null }, now, calendar),
    ).toBeNull();
    expect(
      dossierWorkingTimeLeft({ status: "submitted", dueAt: null, clockStoppedAt: null }, now, calendar),
    ).toBeNull();
  });
});
