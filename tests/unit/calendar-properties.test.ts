import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { holidayRows } from "@/db/seed/holidays";
import {
  addWorkingTime,
  appointmentAt,
  defaultWorkingHours,
  extendDueDate,
  isWorkingDay,
  localDate,
  makeCalendar,
  workingTimeBetween,
  type WorkingHours,
} from "@/lib/calendar/rules";

/** The real 2025–2026 calendar, with its Tết breaks, swaps and make-up days. */
const calendar = makeCalendar(holidayRows.map((row) => ({ date: row.date, kind: row.kind })));

const from = Date.parse("2025-01-01T00:00:00+07:00");
const to = Date.parse("2026-10-31T00:00:00+07:00");
/** Any instant of 2025–2026, to the second. */
const instant = fc.integer({ min: from / 1000, max: to / 1000 }).map((s) => new Date(s * 1000));
/** Up to 30 working days of minutes. */
const minutes = fc.integer({ min: 0, max: 30 * 450 });
/** Plausible agency hours: morning from 06:30–08:00 for 3–5 h, lunch 1–2 h, afternoon 3–4 h; cut-off inside. */
const hoursArb: fc.Arbitrary<WorkingHours> = fc
  .record({
    morningStart: fc.integer({ min: 390, max: 480 }),
    morning: fc.integer({ min: 180, max: 300 }),
    lunch: fc.integer({ min: 60, max: 120 }),
    afternoon: fc.integer({ min: 180, max: 240 }),
    cutoffBeforeClose: fc.integer({ min: 0, max: 180 }),
  })
  .map(({ morningStart, morning, lunch, afternoon, cutoffBeforeClose }) => {
    const morningEnd = morningStart + morning;
    const afternoonStart = morningEnd + lunch;
    const afternoonEnd = afternoonStart + afternoon;
    return {
      morningStart,
      morningEnd,
      afternoonStart,
      afternoonEnd,
      cutoff: afternoonEnd - cutoffBeforeClose,
    };
  });
const hoursAny = fc.oneof(fc.constant(defaultWorkingHours), hoursArb);

/** Minutes after local midnight of an instant. */
const localMinutes = (at: Date) => {
  const local = new Date(at.getTime() + 7 * 60 * 60 * 1000);
  return local.getUTCHours() * 60 + local.getUTCMinutes() + local.getUTCSeconds() / 60;
};

/** Inside a session of a working day; a session's closing instant counts as inside. */
function insideWorkingHours(at: Date, hours: WorkingHours): boolean {
  if (!isWorkingDay(localDate(at), calendar)) return false;
  const m = localMinutes(at);
  return (
    (m > hours.morningStart && m <= hours.morningEnd) || (m > hours.afternoonStart && m <= hours.afternoonEnd)
  );
}

describe("working-time arithmetic (property tests)", () => {
  it("adding working time and measuring it back gives the same time", () => {
    fc.assert(
      fc.property(instant, minutes, hoursAny, (start, m, hours) => {
        const end = addWorkingTime(calendar, hours, start, m);
        expect(workingTimeBetween(calendar, hours, start, end)).toBeCloseTo(m, 6);
        expect(end.getTime()).toBeGreaterThanOrEqual(start.getTime());
      }),
      { numRuns: 400 },
    );
  });

  it("measuring then adding lands on the same instant when the end is inside working hours", () => {
    fc.assert(
      fc.property(instant, instant, hoursAny, (a, b, hours) => {
        const [start, end] = a <= b ? [a, b] : [b, a];
        fc.pre(insideWorkingHours(end, hours));
        const between = workingTimeBetween(calendar, hours, start, end);
        fc.pre(between > 0);
        expect(addWorkingTime(calendar, hours, start, between).getTime()).toBeCloseTo(end.getTime(), -1);
      }),
      { numRuns: 300 },
    );
  });

  it("an appointment never falls outside working hours nor on a day off", () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 30 * 8 }), hoursAny, (acceptedAt, limitHours, hours) => {
        const due = appointmentAt(calendar, hours, acceptedAt, limitHours);
        expect(insideWorkingHours(due, hours)).toBe(true);
        expect(due.getTime()).toBeGreaterThan(acceptedAt.getTime());
      }),
      { numRuns: 400 },
    );
  });

  it("a clock stop never moves the appointment earlier, and moves it by exactly its working time", () => {
    fc.assert(
      fc.property(instant, instant, instant, hoursAny, (dueAt, a, b, hours) => {
        const [stoppedAt, resumedAt] = a <= b ? [a, b] : [b, a];
        const due = appointmentAt(calendar, hours, dueAt, 8);
        const moved = extendDueDate(due, stoppedAt, resumedAt, calendar, hours);
        expect(moved.getTime()).toBeGreaterThanOrEqual(due.getTime());
        expect(workingTimeBetween(calendar, hours, due, moved)).toBeCloseTo(
          workingTimeBetween(calendar, hours, stoppedAt, resumedAt),
          6,
        );
        expect(insideWorkingHours(moved, hours)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("a longer time limit never gives an earlier appointment", () => {
    // From 1 h on: 0 is "within the day", which runs to the close whatever hours it leaves.
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 0, max: 40 }),
        (at, limit, more) => {
          const a = appointmentAt(calendar, defaultWorkingHours, at, limit);
          const b = appointmentAt(calendar, defaultWorkingHours, at, limit + more);
          expect(b.getTime()).toBeGreaterThanOrEqual(a.getTime());
        },
      ),
      { numRuns: 300 },
    );
  });
});
