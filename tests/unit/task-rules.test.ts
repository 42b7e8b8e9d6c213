import { describe, expect, it } from "vitest";
import { makeCalendar } from "@/lib/calendar/rules";
import {
  deadlineFor,
  reminderDue,
  taskAccess,
  taskStatus,
  workingDaysLate,
  type TaskFacts,
} from "@/lib/tasks/rules";

// December 2026: Friday the 4th, the weekend 5–6, Monday the 7th (a holiday in `withHoliday`).
const plain = makeCalendar([]);
const withHoliday = makeCalendar([{ date: "2026-12-07", kind: "holiday" }]);
const at = (local: string) => new Date(`${local}+07:00`);
const fridayClose = at("2026-12-04T17:00:00");

const open = (dueAt: Date): TaskFacts => ({ state: "open", dueAt, completedAt: null });
const done = (dueAt: Date, completedAt: Date): TaskFacts => ({ state: "done", dueAt, completedAt });

describe("a task's shown status, in working time", () => {
  it.each([
    ["a week ahead", open(fridayClose), "2026-11-30T09:00:00", plain, "in_progress"],
    [
      "more than a working day left (Thursday morning)",
      open(fridayClose),
      "2026-12-03T10:00:00",
      plain,
      "in_progress",
    ],
    [
      "exactly the last working day left (Thursday's close)",
      open(fridayClose),
      "2026-12-03T17:00:00",
      plain,
      "due_soon",
    ],
    ["on the last day", open(fridayClose), "2026-12-04T10:00:00", plain, "due_soon"],
    ["at the deadline itself", open(fridayClose), "2026-12-04T17:00:00", plain, "due_soon"],
    ["a minute after", open(fridayClose), "2026-12-04T17:01:00", plain, "overdue"],
    [
      "the weekend does not count: due Monday 10:00, seen Friday 16:00",
      open(at("2026-12-07T10:00:00")),
      "2026-12-04T16:00:00",
      plain,
      "due_soon",
    ],
    [
      "a holiday does not count: due Tuesday 10:00, seen Friday 16:00",
      open(at("2026-12-08T10:00:00")),
      "2026-12-04T16:00:00",
      withHoliday,
      "due_soon",
    ],
    [
      "the same without the holiday is not due soon yet",
      open(at("2026-12-08T10:00:00")),
      "2026-12-04T16:00:00",
      plain,
      "in_progress",
    ],
    [
      "done before the deadline",
      done(fridayClose, at("2026-12-04T09:00:00")),
      "2026-12-10T09:00:00",
      plain,
      "done_on_time",
    ],
    ["done at the deadline", done(fridayClose, fridayClose), "2026-12-10T09:00:00", plain, "done_on_time"],
    [
      "done after it",
      done(fridayClose, at("2026-12-07T08:00:00")),
      "2026-12-10T09:00:00",
      plain,
      "done_late",
    ],
  ] as const)("%s → %s", (_, task, now, calendar, expected) => {
    expect(taskStatus(task, at(now), calendar)).toBe(expected);
  });
});

describe("working days late", () => {
  it.each([
    [
      "due Friday, seen Monday: one working day, not three",
      open(fridayClose),
      "2026-12-07T10:00:00",
      plain,
      1,
    ],
    ["seen on Saturday: late, by at least one", open(fridayClose), "2026-12-05T10:00:00", plain, 1],
    ["seen Tuesday", open(fridayClose), "2026-12-08T10:00:00", plain, 2],
    ["seen Tuesday with Monday a holiday", open(fridayClose), "2026-12-08T10:00:00", withHoliday, 1],
    ["not late", open(fridayClose), "2026-12-04T10:00:00", plain, 0],
    [
      "done late on Monday, seen weeks later",
      done(fridayClose, at("2026-12-07T09:00:00")),
      "2026-12-30T09:00:00",
      plain,
      1,
    ],
    ["done on time", done(fridayClose, at("2026-12-04T09:00:00")), "2026-12-30T09:00:00", plain, 0],
  ] as const)("%s → %i", (_, task, now, calendar, expected) => {
    expect(workingDaysLate(task, at(now), calendar)).toBe(expected);
  });
});

describe("deadlines", () => {
  it.each([
    ["a date: the close of that day", { kind: "date", date: "2026-12-04" }, plain, "2026-12-04T17:00:00"],
    [
      "3 working days from Wednesday: Monday",
      { kind: "working_days", days: 3 },
      plain,
      "2026-12-07T17:00:00",
    ],
    [
      "3 working days with Monday a holiday: Tuesday",
      { kind: "working_days", days: 3 },
      withHoliday,
      "2026-12-08T17:00:00",
    ],
    [
      "1 working day from Wednesday: Thursday",
      { kind: "working_days", days: 1 },
      plain,
      "2026-12-03T17:00:00",
    ],
  ] as const)("%s", (_, input, calendar, expected) => {
    expect(deadlineFor(input, at("2026-12-02T09:00:00"), calendar).toISOString()).toBe(
      at(expected).toISOString(),
    );
  });
});

describe("reminders, once each", () => {
  const task = (remindedAt: string | null, state = "open") => ({
    state,
    dueAt: fridayClose,
    completedAt: null,
    remindedAt: remindedAt ? at(remindedAt) : null,
  });
  it.each([
    ["in progress: nothing", task(null), "2026-11-30T09:00:00", null],
    ["due soon, not told: due soon", task(null), "2026-12-04T09:00:00", "due_soon"],
    ["due soon, told: nothing", task("2026-12-03T17:30:00"), "2026-12-04T09:00:00", null],
    ["overdue, told it was due soon: overdue", task("2026-12-03T17:30:00"), "2026-12-07T09:00:00", "overdue"],
    ["overdue, never told: overdue", task(null), "2026-12-07T09:00:00", "overdue"],
    ["overdue, told so: nothing", task("2026-12-07T09:00:00"), "2026-12-08T09:00:00", null],
    ["done: nothing", { ...task(null, "done"), completedAt: fridayClose }, "2026-12-07T09:00:00", null],
  ] as const)("%s", (_, facts, now, expected) => {
    expect(reminderDue(facts, at(now), plain)).toBe(expected);
  });
});

describe("who may do what", () => {
  const none = { bodyRole: null, isOwner: false, isOwnerAgencyHead: false, inOwnerAgency: false } as const;
  it.each([
    ["a stranger: nothing", none, { see: false, report: false, manage: false }],
    ["the owner reports", { ...none, isOwner: true }, { see: true, report: true, manage: false }],
    [
      "the owner agency's head reports",
      { ...none, isOwnerAgencyHead: true, inOwnerAgency: true },
      { see: true, report: true, manage: false },
    ],
    [
      "a colleague of the owner agency sees",
      { ...none, inOwnerAgency: true },
      { see: true, report: false, manage: false },
    ],
    [
      "a member of the body sees",
      { ...none, bodyRole: "member" },
      { see: true, report: false, manage: false },
    ],
    ["the chair manages", { ...none, bodyRole: "chair" }, { see: true, report: false, manage: true }],
    ["the secretary manages", { ...none, bodyRole: "secretary" }, { see: true, report: false, manage: true }],
    ["support staff manage", { ...none, bodyRole: "support" }, { see: true, report: false, manage: true }],
    ["the vice-chair sees", { ...none, bodyRole: "vice_chair" }, { see: true, report: false, manage: false }],
  ] as const)("%s", (_, facts, expected) => {
    expect(taskAccess(facts)).toEqual(expected);
  });
});
