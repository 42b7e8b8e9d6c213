import { describe, expect, it } from "vitest";
import {
  addMonths,
  figuresFor,
  isLate,
  isOpenAt,
  isOverdueAt,
  monthOf,
  monthPeriod,
  monthStart,
  monthsBetween,
  resolveWindow,
  share,
  stoppedSince,
  windowPeriod,
  yearToDate,
  type DossierFacts,
} from "@/lib/reports/rules";

const vn = (local: string) => new Date(`${local}+07:00`);

function dossier(overrides: Partial<DossierFacts>): DossierFacts {
  return {
    competentAgencyId: "agency",
    channel: 1,
    acceptedAt: vn("2026-03-02T09:00:00"),
    endedAt: null,
    withdrawnAt: null,
    dueAt: vn("2026-03-06T17:00:00"),
    supplementCount: 0,
    clockStops: [],
    ...overrides,
  };
}

const march = monthPeriod("2026-03");

describe("on-time rule", () => {
  it("is on time when it ends on or before its due date", () => {
    expect(isLate(vn("2026-03-06T17:00:00"), vn("2026-03-06T17:00:00"), 0)).toBe(false);
    expect(isLate(vn("2026-03-05T10:00:00"), vn("2026-03-06T17:00:00"), 1)).toBe(false);
  });

  it("is late when it ends after its due date", () => {
    expect(isLate(vn("2026-03-06T17:00:01"), vn("2026-03-06T17:00:00"), 0)).toBe(true);
  });

  it("is late after more than one supplement request, even before the due date", () => {
    expect(isLate(vn("2026-03-03T10:00:00"), vn("2026-03-06T17:00:00"), 2)).toBe(true);
  });

  it("cannot be late by date without a due date (refused before acceptance)", () => {
    expect(isLate(vn("2026-03-03T10:00:00"), null, 0)).toBe(false);
    expect(isLate(vn("2026-03-03T10:00:00"), null, 2)).toBe(true);
  });
});

describe("figures of a period", () => {
  it("counts received by the accept event and online by channel 2", () => {
    const figures = figuresFor(
      [
        dossier({ channel: 2 }),
        dossier({ channel: 1 }),
        dossier({ channel: 2, acceptedAt: vn("2026-02-27T09:00:00") }), // February
        dossier({ acceptedAt: null, dueAt: null }), // never accepted
      ],
      march,
    );
    expect(figures.received).toBe(2);
    expect(figures.receivedOnline).toBe(1);
    expect(figures.onlineShare).toBe(0.5);
  });

  it("counts finished by the end event in the period, on time or late", () => {
    const figures = figuresFor(
      [
        dossier({ endedAt: vn("2026-03-05T10:00:00") }), // on time
        dossier({ endedAt: vn("2026-03-09T10:00:00") }), // after due: late
        dossier({ endedAt: vn("2026-03-04T10:00:00"), supplementCount: 2 }), // two supplements: late
        dossier({ endedAt: vn("2026-04-01T10:00:00") }), // finished in April: open at March's end
      ],
      march,
    );
    expect(figures).toMatchObject({ finished: 3, finishedOnTime: 1, finishedLate: 2 });
    expect(figures.openAtEnd).toBe(1);
    expect(figures.openOverdue).toBe(1);
  });

  it("measures an open dossier at the period's end", () => {
    const dueInApril = dossier({ acceptedAt: vn("2026-03-30T09:00:00"), dueAt: vn("2026-04-03T17:00:00") });
    const duePassed = dossier({});
    const twoSupplements = dossier({
      acceptedAt: vn("2026-03-30T09:00:00"),
      dueAt: vn("2026-04-03T17:00:00"),
      supplementCount: 2,
    });
    const figures = figuresFor([dueInApril, duePassed, twoSupplements], march);
    // Two supplements make it late for the index, but its date has not passed: not overdue.
    expect(figures).toMatchObject({ openAtEnd: 3, openOverdue: 1, openLate: 2, finished: 0 });
    // (0 finished on time + 1 open not late) / (0 finished + 3 open)
    expect(figures.onTimeShare).toBeCloseTo(1 / 3);
  });

  it("an open dossier waiting for the applicant (clock stopped) is not overdue, as in the queue", () => {
    // Due 6 March; asked for documents on 5 March and still waiting at March's end.
    const waiting = dossier({ clockStops: [{ startedAt: vn("2026-03-05T10:00:00"), endedAt: null }] });
    expect(isOverdueAt(waiting, march.end)).toBe(false);
    expect(figuresFor([waiting], march)).toMatchObject({ openAtEnd: 1, openOverdue: 0, openLate: 0 });
    expect(figuresFor([waiting], march).onTimeShare).toBe(1);
    // Asked only after the date had passed: late for the index, yet not "overdue" while it waits.
    const askedLate = dossier({ clockStops: [{ startedAt: vn("2026-03-09T10:00:00"), endedAt: null }] });
    expect(figuresFor([askedLate], march)).toMatchObject({ openOverdue: 0, openLate: 1 });
    // A stop that ended before the period's end does not stop the clock then.
    const answered = dossier({
      clockStops: [{ startedAt: vn("2026-03-05T10:00:00"), endedAt: vn("2026-03-09T10:00:00") }],
    });
    expect(stoppedSince(answered, march.end)).toBe(null);
    expect(isOverdueAt(answered, march.end)).toBe(true);
    expect(stoppedSince(waiting, march.end)?.toISOString()).toBe(vn("2026-03-05T10:00:00").toISOString());
  });

  it("stops counting a dossier as open once it is withdrawn", () => {
    const withdrawn = dossier({ withdrawnAt: vn("2026-03-04T09:00:00") });
    expect(isOpenAt(withdrawn, march.end)).toBe(false);
    expect(figuresFor([withdrawn], march)).toMatchObject({ received: 1, finished: 0, openAtEnd: 0 });
  });

  it("does not count a dossier accepted after the period as open in it", () => {
    expect(figuresFor([dossier({ acceptedAt: vn("2026-04-01T00:00:00") })], march).openAtEnd).toBe(0);
  });

  it("combines finished and open dossiers in the on-time share", () => {
    const figures = figuresFor(
      [
        dossier({ endedAt: vn("2026-03-05T10:00:00") }), // finished on time
        dossier({ endedAt: vn("2026-03-10T10:00:00") }), // finished late
        dossier({ acceptedAt: vn("2026-03-30T09:00:00"), dueAt: vn("2026-04-03T17:00:00") }), // open, on time
        dossier({}), // open, overdue
      ],
      march,
    );
    expect(figures.onTimeShare).toBe(0.5);
  });
});

describe("shares", () => {
  it("are null, not 0 or 100%, when there is nothing to measure", () => {
    expect(share(0, 0)).toBeNull();
    const empty = figuresFor([], march);
    expect(empty.onTimeShare).toBeNull();
    expect(empty.onlineShare).toBeNull();
  });

  it("are the plain ratio otherwise", () => {
    expect(share(0, 4)).toBe(0);
    expect(share(3, 4)).toBe(0.75);
  });
});

describe("months in Vietnam's time", () => {
  it("starts a month at local midnight", () => {
    expect(monthStart("2026-03").toISOString()).toBe("2026-02-28T17:00:00.000Z");
    expect(monthOf(new Date("2026-02-28T17:30:00Z"))).toBe("2026-03");
    expect(monthOf(new Date("2026-02-28T16:30:00Z"))).toBe("2026-02");
  });

  it("adds months across years and lists a window", () => {
    expect(addMonths("2026-01", -1)).toBe("2025-12");
    expect(addMonths("2025-12", 13)).toBe("2027-01");
    expect(monthsBetween("2025-11", "2026-02")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
  });

  it("ends the current month now, so its open dossiers are measured today", () => {
    const now = vn("2026-03-10T12:00:00");
    expect(monthPeriod("2026-03", now).end).toEqual(now);
    expect(windowPeriod("2025-04", "2026-03", now)).toEqual({ start: monthStart("2025-04"), end: now });
    expect(monthPeriod("2026-02", now).end).toEqual(monthStart("2026-03"));
    expect(yearToDate(now)).toEqual({ start: monthStart("2026-01"), end: now });
  });

  it("defaults to the last twelve months and refuses bad windows", () => {
    const now = vn("2026-03-10T12:00:00");
    expect(resolveWindow({}, now)).toEqual({ ok: true, from: "2025-04", to: "2026-03" });
    expect(resolveWindow({ to: "2025-12" }, now)).toEqual({ ok: true, from: "2025-01", to: "2025-12" });
    expect(resolveWindow({ from: "2026-02", to: "2026-01" }, now)).toMatchObject({
      ok: false,
      message: "errors.order",
    });
    expect(resolveWindow({ to: "2026-04" }, now)).toMatchObject({ ok: false, message: "errors.future" });
    expect(resolveWindow({ from: "2020-01" }, now)).toMatchObject({ ok: false, message: "errors.tooLong" });
  });
});
