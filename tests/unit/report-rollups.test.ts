import { describe, expect, it } from "vitest";
import {
  dayOf,
  figuresFor,
  figuresOf,
  flowsOfEvent,
  isClosedMonth,
  standingChange,
  standingOf,
  type ReportedEvent,
} from "@/lib/reports/rules";

const vn = (local: string) => new Date(`${local}+07:00`);

const event = (overrides: Partial<ReportedEvent>): ReportedEvent => ({
  action: "accept",
  fromStatus: "submitted",
  toStatus: "received",
  at: vn("2026-03-02T09:00:00"),
  channel: 2,
  acceptedBefore: false,
  dueAt: vn("2026-03-10T17:00:00"),
  supplementCount: 0,
  ...overrides,
});

describe("what one event adds to its day", () => {
  it("counts a first acceptance as received, online by its channel", () => {
    expect(flowsOfEvent(event({}))).toEqual({
      received: 1,
      receivedOnline: 1,
      finished: 0,
      finishedOnTime: 0,
      finishedLate: 0,
    });
    expect(flowsOfEvent(event({ channel: 1 }))).toMatchObject({ received: 1, receivedOnline: 0 });
  });

  it("does not count an acceptance again", () => {
    expect(flowsOfEvent(event({ acceptedBefore: true }))).toBeNull();
  });

  it("counts the first end, on time or late by the due date and supplements", () => {
    const approve = { action: "approve", fromStatus: "proposed", toStatus: "done", acceptedBefore: true };
    expect(flowsOfEvent(event({ ...approve, at: vn("2026-03-09T10:00:00") }))).toMatchObject({
      finished: 1,
      finishedOnTime: 1,
      finishedLate: 0,
    });
    expect(flowsOfEvent(event({ ...approve, at: vn("2026-03-11T10:00:00") }))).toMatchObject({
      finishedLate: 1,
    });
    expect(flowsOfEvent(event({ ...approve, supplementCount: 2 }))).toMatchObject({ finishedLate: 1 });
    // Refused at the desk: finished without a due date, never received.
    expect(
      flowsOfEvent(event({ action: "refuse", toStatus: "refused", dueAt: null, acceptedBefore: false })),
    ).toEqual({ received: 0, receivedOnline: 0, finished: 1, finishedOnTime: 1, finishedLate: 0 });
  });

  it("adds nothing for a result handed over, a decision published, a withdrawal or an assignment", () => {
    expect(
      flowsOfEvent(event({ action: "return_result", fromStatus: "done", toStatus: "returned" })),
    ).toBeNull();
    expect(
      flowsOfEvent(event({ action: "publish_decision", fromStatus: "done", toStatus: "done" })),
    ).toBeNull();
    expect(
      flowsOfEvent(event({ action: "withdraw", fromStatus: "received", toStatus: "withdrawn" })),
    ).toBeNull();
    expect(
      flowsOfEvent(event({ action: "assign", fromStatus: "received", toStatus: "in_progress" })),
    ).toBeNull();
  });
});

describe("what an open dossier adds to an instant", () => {
  const end = vn("2026-04-01T00:00:00");
  it("is overdue with its clock running past the due date, late by the on-time rule", () => {
    expect(
      standingOf({ dueAt: vn("2026-03-28T17:00:00"), supplementCount: 0, stoppedSince: null }, end),
    ).toEqual({
      openAtEnd: 1,
      openOverdue: 1,
      openLate: 1,
    });
    // Waiting for the applicant since before the due date: neither overdue nor late.
    expect(
      standingOf(
        { dueAt: vn("2026-03-28T17:00:00"), supplementCount: 1, stoppedSince: vn("2026-03-20T09:00:00") },
        end,
      ),
    ).toEqual({ openAtEnd: 1, openOverdue: 0, openLate: 0 });
    expect(standingOf({ dueAt: null, supplementCount: 2, stoppedSince: null }, end)).toEqual({
      openAtEnd: 1,
      openOverdue: 0,
      openLate: 1,
    });
  });

  it("agrees with figuresFor on one dossier", () => {
    const facts = {
      competentAgencyId: "a",
      channel: 2,
      acceptedAt: vn("2026-03-02T09:00:00"),
      endedAt: null,
      withdrawnAt: null,
      dueAt: vn("2026-03-28T17:00:00"),
      supplementCount: 0,
      clockStops: [],
    };
    const period = { start: vn("2026-03-01T00:00:00"), end };
    const { received, receivedOnline, finished, finishedOnTime, finishedLate } = figuresFor([facts], period);
    expect(
      figuresOf(
        { received, receivedOnline, finished, finishedOnTime, finishedLate },
        standingOf({ ...facts, stoppedSince: null }, end),
      ),
    ).toEqual(figuresFor([facts], period));
  });

  it("moves a past instant when a later extension or request for documents changes the dossier", () => {
    const before = { dueAt: vn("2026-03-28T17:00:00"), supplementCount: 1 };
    // Extended past the month end: no longer overdue nor late then.
    expect(standingChange(before, { ...before, dueAt: vn("2026-04-06T17:00:00") }, null, end)).toEqual({
      openAtEnd: 0,
      openOverdue: -1,
      openLate: -1,
    });
    // A second request makes it late whatever the date.
    expect(
      standingChange(
        { dueAt: vn("2026-04-06T17:00:00"), supplementCount: 1 },
        { dueAt: vn("2026-04-06T17:00:00"), supplementCount: 2 },
        null,
        end,
      ),
    ).toEqual({ openAtEnd: 0, openOverdue: 0, openLate: 1 });
    expect(standingChange(before, before, null, end)).toBeNull();
  });
});

describe("days and closed months in Vietnam's time", () => {
  it("takes the local day and closes a month at its local end", () => {
    expect(dayOf(new Date("2026-02-28T17:00:00Z"))).toBe("2026-03-01");
    expect(dayOf(new Date("2026-02-28T16:59:59Z"))).toBe("2026-02-28");
    expect(isClosedMonth("2026-02", new Date("2026-02-28T17:00:00Z"))).toBe(true);
    expect(isClosedMonth("2026-02", new Date("2026-02-28T16:59:59Z"))).toBe(false);
  });
});
