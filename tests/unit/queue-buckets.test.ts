import { describe, expect, it } from "vitest";
import { defaultWorkingHours, makeCalendar } from "@/lib/calendar/rules";
import {
  bucketsOf,
  dueSoonHorizon,
  queueBuckets,
  queueBucketDefinitions,
  type BucketContext,
  type BucketFacts,
} from "@/lib/dossiers/buckets";

const vn = (local: string) => new Date(`${local}+07:00`);
// Hùng Kings' day 2026 falls on Sunday 26 Apr and is taken on Monday 27 Apr.
const calendar = makeCalendar([{ date: "2026-04-27", kind: "holiday" }]);
const desk = "a0000000-0000-4000-8000-000000000001";
const other = "a0000000-0000-4000-8000-000000000002";
const me = "b0000000-0000-4000-8000-000000000001";

function context(now: Date, byAgency: [string, Date][] = []): BucketContext {
  return {
    actorId: me,
    agencyIds: [desk],
    now,
    horizons: { byAgency: new Map(byAgency), fallback: dueSoonHorizon(now, calendar) },
  };
}

const facts = (over: Partial<BucketFacts>): BucketFacts => ({
  status: "in_progress",
  receivingAgencyId: desk,
  competentAgencyId: desk,
  assigneeId: null,
  dueAt: null,
  clockStoppedAt: null,
  ...over,
});

describe("the queue's tabs", () => {
  it("are one list, in the order the page shows them", () => {
    expect(queueBuckets).toEqual([
      "new",
      "mine",
      "waiting",
      "consulting",
      "transferred_out",
      "due_soon",
      "overdue",
      "finished",
      "all",
    ]);
    expect(new Set(queueBuckets).size).toBe(queueBucketDefinitions.length);
  });

  it("put each dossier where the rules say", () => {
    const now = vn("2026-05-04T09:00:00");
    const c = context(now);
    expect(bucketsOf(facts({ status: "submitted" }), c)).toEqual(["new", "all"]);
    // Submitted to another desk and decided here: not this desk's "new".
    expect(bucketsOf(facts({ status: "submitted", receivingAgencyId: other }), c)).toEqual(["all"]);
    expect(bucketsOf(facts({ assigneeId: me }), c)).toEqual(["mine", "all"]);
    expect(bucketsOf(facts({ assigneeId: me, status: "returned" }), c)).toEqual(["finished", "all"]);
    for (const status of ["supplement_requested", "awaiting_payment"] as const)
      expect(bucketsOf(facts({ status, clockStoppedAt: now, dueAt: vn("2026-05-04T10:00:00") }), c)).toEqual([
        "waiting",
        "all",
      ]);
    expect(bucketsOf(facts({ dueAt: vn("2026-05-01T10:00:00") }), c)).toEqual(["overdue", "all"]);
    for (const status of ["done", "returned", "refused", "stopped", "withdrawn"] as const)
      expect(bucketsOf(facts({ status }), c)).toContain("finished");
    // A question this agency asked another, not answered yet; one another agency asked does not count.
    expect(bucketsOf(facts({ status: "in_progress", openConsultationsFrom: [desk] }), c)).toEqual([
      "consulting",
      "all",
    ]);
    expect(bucketsOf(facts({ status: "in_progress", openConsultationsFrom: [other] }), c)).toEqual(["all"]);
    // Received here, sent on along its chain: decided elsewhere now.
    expect(
      bucketsOf(facts({ status: "in_progress", transferred: true, competentAgencyId: other }), c),
    ).toEqual(["transferred_out", "all"]);
    expect(bucketsOf(facts({ status: "in_progress", transferred: true }), c)).toEqual(["all"]);
    // A result exists: late or not, it is no longer overdue in the queue.
    expect(bucketsOf(facts({ status: "done", dueAt: vn("2026-05-01T10:00:00") }), c)).toEqual([
      "finished",
      "all",
    ]);
  });
});

describe("due within 2 working days", () => {
  it("counts working time, not calendar time: Friday afternoon reaches Tuesday afternoon", () => {
    // 2 working days = 15 h of the default 7 h 30 day. Friday 24 Apr 14:00 leaves 3 h that day;
    // the weekend and Monday 27 Apr (the holiday) count nothing; Tuesday gives 7 h 30; the last
    // 4 h 30 end on Wednesday at 14:00.
    const now = vn("2026-04-24T14:00:00");
    expect(dueSoonHorizon(now, calendar)).toEqual(vn("2026-04-29T14:00:00"));
    const c = context(now);
    expect(bucketsOf(facts({ dueAt: vn("2026-04-29T13:59:00") }), c)).toContain("due_soon");
    expect(bucketsOf(facts({ dueAt: vn("2026-04-29T14:01:00") }), c)).not.toContain("due_soon");
    // Over the weekend and the holiday, only working time counts: Tuesday is well within.
    expect(bucketsOf(facts({ dueAt: vn("2026-04-28T16:00:00") }), c)).toContain("due_soon");
  });

  it("uses the deciding agency's own hours", () => {
    // Friday 16:30: the default desk still works till 17:00; an agency that closes at 16:00 does not.
    const now = vn("2026-04-24T16:30:00");
    const early = { ...defaultWorkingHours, afternoonEnd: 16 * 60 };
    const horizon = dueSoonHorizon(now, calendar, early);
    expect(horizon).toEqual(vn("2026-04-29T16:00:00"));
    expect(dueSoonHorizon(now, calendar)).toEqual(vn("2026-04-29T16:30:00"));
    const c = context(now, [[other, horizon]]);
    const due = vn("2026-04-29T16:15:00");
    expect(bucketsOf(facts({ competentAgencyId: desk, dueAt: due }), c)).toContain("due_soon");
    expect(bucketsOf(facts({ competentAgencyId: other, dueAt: due }), c)).not.toContain("due_soon");
  });

  it("leaves out what is already overdue, and dossiers whose clock is stopped", () => {
    const now = vn("2026-04-24T14:00:00");
    const c = context(now);
    expect(bucketsOf(facts({ dueAt: vn("2026-04-24T13:00:00") }), c)).not.toContain("due_soon");
    expect(bucketsOf(facts({ dueAt: vn("2026-04-28T09:00:00"), clockStoppedAt: now }), c)).not.toContain(
      "due_soon",
    );
  });
});
