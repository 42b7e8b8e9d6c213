import { describe, expect, it } from "vitest";
import { makeCalendar } from "@/lib/calendar/rules";
import { deadlineMessage, deadlineOf } from "@/components/staff/deadline";
import { staffIssues, typedValues } from "@/components/staff/staffForms";
import { issuesOf } from "@/lib/result";
import { staffActionSchema } from "@/lib/dossiers/schema";

// Tết 2026: 16–20 Feb off.
const calendar = makeCalendar(
  ["16", "17", "18", "19", "20"].map((d) => ({ date: `2026-02-${d}`, kind: "off" })),
);
const vn = (local: string) => new Date(`${local}+07:00`);
const open = (dueAt: Date) => ({
  status: "in_progress" as const,
  dueAt,
  finishedAt: null,
  clockStoppedAt: null,
});

describe("the appointment date in plain words", () => {
  it("counts working days left, skipping the Tết holiday", () => {
    // Friday 13 Feb -> Monday 23 Feb: one working day (the 23rd) after Tết.
    expect(deadlineOf(open(vn("2026-02-23T17:00:00")), vn("2026-02-13T09:00:00"), calendar)).toEqual({
      kind: "dueIn",
      count: 1,
    });
  });

  it("says overdue with the working days since the appointment", () => {
    // Due Thursday 5 Mar; now Tuesday 10 Mar: Fri, Mon, Tue = 3 working days late.
    const deadline = deadlineOf(open(vn("2026-03-05T17:00:00")), vn("2026-03-10T10:00:00"), calendar);
    expect(deadline).toEqual({ kind: "overdue", count: 3 });
    expect(deadlineMessage(deadline!)).toEqual(["deadline.overdue", { count: 3 }]);
  });

  it("a dossier past its time on the due day itself is overdue, not 'due today'", () => {
    expect(deadlineOf(open(vn("2026-03-05T17:00:00")), vn("2026-03-05T17:30:00"), calendar)).toEqual({
      kind: "overdue",
      count: 1,
    });
    expect(deadlineOf(open(vn("2026-03-05T17:00:00")), vn("2026-03-05T09:00:00"), calendar)).toEqual({
      kind: "dueToday",
    });
  });

  it("says nothing once the result exists, and 'clock stopped' while waiting for the applicant", () => {
    const due = vn("2026-03-05T17:00:00");
    const now = vn("2026-03-10T10:00:00");
    expect(
      deadlineOf(
        { status: "done", dueAt: due, finishedAt: vn("2026-03-04T10:00:00"), clockStoppedAt: null },
        now,
        calendar,
      ),
    ).toBe(null);
    expect(
      deadlineOf(
        {
          status: "supplement_requested",
          dueAt: due,
          finishedAt: null,
          clockStoppedAt: vn("2026-03-02T10:00:00"),
        },
        now,
        calendar,
      ),
    ).toEqual({ kind: "paused" });
    expect(deadlineOf({ ...open(due), dueAt: null }, now, calendar)).toBe(null);
  });

  it("says nothing when the clock does not run for another reason (awaiting payment)", () => {
    const now = vn("2026-03-10T10:00:00");
    expect(
      deadlineOf({ ...open(vn("2026-03-05T17:00:00")), status: "awaiting_payment" }, now, calendar),
    ).toBe(null);
  });
});

describe("staff action form errors", () => {
  const form = (entries: Record<string, string>) => {
    const data = new FormData();
    for (const [key, value] of Object.entries(entries)) data.set(key, value);
    return data;
  };

  it("a refusal without reasons asks for the reasons, and keeps nothing but the form's own fields", () => {
    const parsed = staffActionSchema.safeParse({
      action: "refuse",
      code: "X-260301-0001",
      version: "3",
      comment: "  ",
    });
    expect(parsed.success).toBe(false);
    expect(staffIssues("refuse", issuesOf(parsed.error!))).toEqual({
      comment: ["staff:fieldErrors.refuse"],
    });
    expect(typedValues(form({ action: "refuse", comment: "  ", other: "x" }))).toEqual({ comment: "  " });
  });

  it("a proposal needs a choice and reasons; assign needs a specialist", () => {
    const propose = staffActionSchema.safeParse({ action: "propose", code: "C", version: "1" });
    expect(staffIssues("propose", issuesOf(propose.error!))).toEqual({
      proposal: ["staff:fieldErrors.proposal"],
      comment: ["staff:fieldErrors.propose"],
    });
    const assign = staffActionSchema.safeParse({ action: "assign", code: "C", version: "1", assigneeId: "" });
    expect(staffIssues("assign", issuesOf(assign.error!))).toEqual({
      assigneeId: ["staff:fieldErrors.assignee"],
    });
  });

  it("a too long note says so, and a tampered form (no version) is not a field error", () => {
    const long = staffActionSchema.safeParse({
      action: "accept",
      code: "C",
      version: "1",
      comment: "a".repeat(2001),
    });
    expect(staffIssues("accept", issuesOf(long.error!))).toEqual({
      comment: ["staff:fieldErrors.tooLong"],
    });
    const tampered = staffActionSchema.safeParse({ action: "accept", code: "C" });
    expect(staffIssues("accept", issuesOf(tampered.error!))).toBe(null);
  });
});
