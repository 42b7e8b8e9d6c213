import { describe, expect, it } from "vitest";
import { makeCalendar } from "@/lib/calendar/rules";
import {
  answerProblem,
  memberStatus,
  opinionDeadline,
  opinionFormCode,
  reminderDue,
  shouldClose,
} from "@/lib/meetings/opinionRules";

// 2026-12-04 is a Friday; 2026-12-07 a Monday. 01-01-2027 is a holiday (Friday).
const calendar = makeCalendar([{ date: "2027-01-01", kind: "holiday" }]);
const at = (iso: string) => new Date(iso);

describe("the deadline in working days", () => {
  it.each([
    ["Wednesday morning, 2 days", "2026-12-02T02:00:00Z", 2, "2026-12-04T10:00:00.000Z"],
    ["Thursday, 2 days: over the weekend", "2026-12-03T02:00:00Z", 2, "2026-12-07T10:00:00.000Z"],
    ["Saturday, 1 day: Monday", "2026-12-05T02:00:00Z", 1, "2026-12-07T10:00:00.000Z"],
    [
      "Thursday 31 Dec, 1 day: over the New Year holiday and the weekend",
      "2026-12-31T02:00:00Z",
      1,
      "2027-01-04T10:00:00.000Z",
    ],
    [
      "late evening in Vietnam (UTC afternoon) counts as that day",
      "2026-12-02T16:30:00Z",
      1,
      "2026-12-03T10:00:00.000Z",
    ],
    ["just after midnight in Vietnam is the next day", "2026-12-02T17:30:00Z", 1, "2026-12-04T10:00:00.000Z"],
  ])("%s", (_name, opened, days, expected) => {
    expect(opinionDeadline(at(opened), days, calendar).toISOString()).toBe(expected);
  });
});

describe("a member's status", () => {
  const deadline = at("2026-12-07T10:00:00Z"); // Monday 17:00 in Vietnam
  it.each([
    ["answered stays answered, even late", true, "2026-12-09T02:00:00Z", "answered"],
    ["two working days ahead: not answered", false, "2026-12-03T02:00:00Z", "not_answered"],
    ["Friday before a Monday deadline: not answered", false, "2026-12-04T09:00:00Z", "not_answered"],
    [
      "the weekend before the Monday deadline: not yet due soon",
      false,
      "2026-12-05T09:00:00Z",
      "not_answered",
    ],
    ["Monday morning, the last working day: due soon", false, "2026-12-07T01:00:00Z", "due_soon"],
    ["at the deadline itself: still due soon", false, "2026-12-07T10:00:00Z", "due_soon"],
    ["a minute after: overdue", false, "2026-12-07T10:01:00Z", "overdue"],
  ])("%s", (_name, answered, now, expected) => {
    expect(memberStatus({ answered, deadline, now: at(now) }, calendar)).toBe(expected);
  });

  it("a form without a deadline (not open yet): not answered", () => {
    expect(memberStatus({ answered: false, deadline: null, now: at("2026-12-07T01:00:00Z") }, calendar)).toBe(
      "not_answered",
    );
  });
});

describe("reminders", () => {
  const deadline = at("2026-12-07T10:00:00Z");
  it.each([
    ["not due yet", "2026-12-03T02:00:00Z", [], null],
    ["last day: due soon", "2026-12-07T01:00:00Z", [], "due_soon"],
    ["last day, already sent", "2026-12-07T01:00:00Z", ["due_soon"], null],
    ["overdue", "2026-12-08T01:00:00Z", ["due_soon"], "overdue"],
    ["overdue without the first (the worker was down): overdue only", "2026-12-08T01:00:00Z", [], "overdue"],
    ["overdue, sent", "2026-12-08T01:00:00Z", ["due_soon", "overdue"], null],
  ] as const)("%s", (_name, now, sent, expected) => {
    expect(reminderDue({ deadline, now: at(now), sent }, calendar)).toBe(expected);
  });
});

describe("closing, answers, codes", () => {
  it("closes when everyone answered or the deadline passed", () => {
    const deadline = at("2026-12-07T10:00:00Z");
    expect(shouldClose({ deadline, now: at("2026-12-03T00:00:00Z"), votingMembers: 4, answered: 4 })).toBe(
      true,
    );
    expect(shouldClose({ deadline, now: at("2026-12-03T00:00:00Z"), votingMembers: 4, answered: 3 })).toBe(
      false,
    );
    expect(shouldClose({ deadline, now: at("2026-12-07T10:00:01Z"), votingMembers: 4, answered: 0 })).toBe(
      true,
    );
  });

  it.each([
    ["agree", "", null],
    ["agree_with_comments", "", "comment_required"],
    ["agree_with_comments", "  ", "comment_required"],
    ["agree_with_comments", "Sửa điều 3", null],
    ["disagree", "", "comment_required"],
    ["disagree", "Chưa đủ căn cứ", null],
    ["maybe", "", "choose"],
    ["agree", "x".repeat(4001), "too_long"],
  ])("answer %s with %j: %s", (answer, comment, expected) => {
    expect(answerProblem(answer, comment)).toBe(expected);
  });

  it("codes per year", () => {
    expect(opinionFormCode(2026, 7)).toBe("PYK-2026-0007");
  });
});
