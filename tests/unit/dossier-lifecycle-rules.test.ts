import { describe, expect, it } from "vitest";
import { makeCalendar } from "@/lib/calendar/rules";
import {
  decide,
  draftState,
  type Command,
  type DecideContext,
  type DossierState,
} from "@/lib/dossiers/rules";
import { eventForApplicant } from "@/lib/dossiers/visibility";
import type { Actor, AgencyRole } from "@/lib/identity/types";

/* The inter-agency steps, the apology and the ways of returning a result (rules.ts, pure). */

const RECEIVING = "agency-receiving";
const FIRST = "agency-first";
const SECOND = "agency-second";
const SPECIALIST = "user-specialist";
const vn = (local: string) => new Date(`${local}+07:00`);
const calendar = makeCalendar([{ date: "2026-03-16", kind: "off" }]);

const staff = (userId: string, ...roles: AgencyRole[]): Actor => ({
  kind: "staff",
  userId,
  name: userId,
  roles,
});
const specialist = staff(SPECIALIST, { agencyId: FIRST, role: "specialist" });
const head = staff("user-head", { agencyId: FIRST, role: "head" });
const secondSpecialist = staff("user-s2", { agencyId: SECOND, role: "specialist" });
const secondHead = staff("user-h2", { agencyId: SECOND, role: "head" });
const receiver = staff("user-receiver", { agencyId: RECEIVING, role: "receiver" });

const inProgress: DossierState = {
  ...draftState({
    applicantId: "user-applicant",
    organisationId: null,
    receivingAgencyId: RECEIVING,
    competentAgencyId: FIRST,
  }),
  status: "in_progress",
  assigneeId: SPECIALIST,
  acceptedAt: vn("2026-03-02T09:00:00"),
  dueAt: vn("2026-03-11T17:00:00"),
};
const chain = [
  { agencyId: FIRST, days: 3 },
  { agencyId: SECOND, days: 2 },
];
const context: DecideContext = {
  now: vn("2026-03-05T10:00:00"),
  calendar,
  timeLimitDays: 5,
  agencyIsValid: true,
};

function step(dossier: DossierState, actor: Actor, command: Command, ctx: Partial<DecideContext> = {}) {
  const decision = decide(dossier, actor, command, { ...context, ...ctx });
  if (!decision.ok) throw new Error(decision.error);
  return decision.step;
}
const refusal = (dossier: DossierState, actor: Actor, command: Command, ctx: Partial<DecideContext> = {}) => {
  const decision = decide(dossier, actor, command, { ...context, ...ctx });
  return decision.ok ? "ok" : decision.error;
};

describe("consult another agency", () => {
  const ask: Command = {
    action: "consult",
    toAgencyId: SECOND,
    consultationId: "c1",
    comment: "Xin ý kiến?",
  };

  it("records the question, tells the agency asked, and leaves the state and the clock alone", () => {
    const s = step(inProgress, specialist, { ...ask, documents: [{ id: "f1", fileName: "hỏi.pdf" }] });
    expect(s.status).toBe("in_progress");
    expect(s.changes).toEqual({});
    expect(s.clock).toBeUndefined();
    expect(s.consultation).toEqual({ ask: { id: "c1", toAgencyId: SECOND, question: "Xin ý kiến?" } });
    expect(s.notices).toEqual([{ to: "agency", agencyId: SECOND, kind: "dossier.consulted" }]);
    expect(s.event.details).toEqual({
      consultationId: "c1",
      toAgencyId: SECOND,
      documents: [{ id: "f1", fileName: "hỏi.pdf" }],
    });
  });

  it("refuses its own agency, an unknown one, or none", () => {
    expect(refusal(inProgress, head, { ...ask, toAgencyId: FIRST })).toBe("agency_invalid");
    expect(refusal(inProgress, head, ask, { agencyIsValid: false })).toBe("agency_invalid");
    expect(refusal(inProgress, head, { ...ask, toAgencyId: undefined })).toBe("agency_invalid");
  });

  it("is answered only by the agency asked, once", () => {
    const consulting = { ...inProgress, openConsultations: [{ id: "c1", toAgencyId: SECOND }] };
    const answer: Command = { action: "answer_consultation", consultationId: "c1", comment: "Đồng ý." };
    const s = step(consulting, secondHead, answer);
    expect(s.status).toBe("in_progress");
    expect(s.consultation).toEqual({ answer: { id: "c1", answer: "Đồng ý." } });
    expect(s.notices).toEqual([{ to: "assignee", kind: "dossier.consultation_answered" }]);
    expect(refusal(consulting, secondSpecialist, answer)).toBe("ok");
    expect(refusal(consulting, specialist, answer)).toBe("forbidden");
    // Another consultation's id (answered already, or not this agency's): a stale page.
    expect(refusal(consulting, secondHead, { ...answer, consultationId: "c0" })).toBe("invalid_transition");
    expect(refusal(inProgress, secondHead, answer)).toBe("invalid_transition");
    // The question may be answered while the head decides, not once the dossier has ended.
    expect(refusal({ ...consulting, status: "proposed" }, secondHead, answer)).toBe("ok");
    expect(refusal({ ...consulting, status: "stopped" }, secondHead, answer)).toBe("invalid_transition");
  });
});

describe("transfer along the chain", () => {
  const chained: DossierState = { ...inProgress, chain, chainStep: 0 };

  it("starts the first agency's share on acceptance", () => {
    const submitted: DossierState = {
      ...chained,
      status: "submitted",
      acceptedAt: null,
      dueAt: null,
      assigneeId: null,
    };
    const s = step(submitted, receiver, { action: "accept" });
    expect(s.legs).toEqual({ close: false, open: { step: 0, agencyId: FIRST, plannedDays: 3 } });
    expect(step({ ...submitted, chain: null }, receiver, { action: "accept" }).legs).toBeUndefined();
  });

  it("moves the dossier to the next agency, unassigned, and its share starts", () => {
    const s = step(chained, head, { action: "transfer" });
    expect(s.status).toBe("in_progress");
    expect(s.changes).toEqual({ competentAgencyId: SECOND, chainStep: 1, assigneeId: null });
    expect(s.legs).toEqual({ close: true, open: { step: 1, agencyId: SECOND, plannedDays: 2 } });
    expect(s.event.details).toEqual({ fromAgencyId: FIRST, toAgencyId: SECOND, step: 1, plannedDays: 2 });
    expect(s.notices).toEqual([{ to: "competent_agency", kind: "dossier.transferred" }]);
  });

  it("stops at the last agency, which decides; the receiving desk hands the result back", () => {
    const atSecond: DossierState = {
      ...chained,
      competentAgencyId: SECOND,
      chainStep: 1,
      assigneeId: "user-s2",
    };
    expect(refusal(atSecond, secondHead, { action: "transfer" })).toBe("invalid_transition");
    // The first agency has no say any more.
    expect(
      refusal(atSecond, head, { action: "assign", assigneeId: "x" }, { assigneeIsSpecialist: true }),
    ).toBe("forbidden");
    const decided = step({ ...atSecond, status: "proposed" }, secondHead, { action: "approve" });
    expect(decided.legs).toEqual({ close: true });
    expect(decided.notices).toContainEqual({ to: "receiving_agency", kind: "dossier.decided" });
    expect(refusal({ ...atSecond, status: "done" }, receiver, { action: "return_result" })).toBe("ok");
    expect(refusal({ ...atSecond, status: "done" }, secondHead, { action: "return_result" })).toBe(
      "forbidden",
    );
  });
});

describe("will be late: the apology and a new date", () => {
  const propose: Command = { action: "propose_delay", newDueDate: "2026-03-18", comment: "Chờ xác minh." };

  it("the officer proposes a later working day; it waits for the head", () => {
    const s = step(inProgress, specialist, propose);
    expect(s.changes).toEqual({
      pendingDelay: {
        reason: "Chờ xác minh.",
        newDueAt: vn("2026-03-18T17:00:00").toISOString(),
        proposedBy: SPECIALIST,
      },
    });
    expect(s.notices).toEqual([{ to: "competent_agency", kind: "dossier.delay_proposed" }]);
    expect(refusal(inProgress, head, propose)).toBe("forbidden");
  });

  it("refuses a date not later than the appointment, a day off, or no date", () => {
    expect(refusal(inProgress, specialist, { ...propose, newDueDate: "2026-03-11" })).toBe(
      "delay_date_invalid",
    );
    expect(refusal(inProgress, specialist, { ...propose, newDueDate: "2026-03-10" })).toBe(
      "delay_date_invalid",
    );
    expect(refusal(inProgress, specialist, { ...propose, newDueDate: "2026-03-14" })).toBe(
      "delay_date_invalid",
    );
    expect(refusal(inProgress, specialist, { ...propose, newDueDate: "2026-03-16" })).toBe(
      "delay_date_invalid",
    );
    expect(refusal(inProgress, specialist, { ...propose, newDueDate: "2026-02-30x" })).toBe(
      "delay_date_invalid",
    );
    expect(refusal(inProgress, specialist, { ...propose, newDueDate: undefined })).toBe("delay_date_invalid");
  });

  const pending: DossierState = {
    ...inProgress,
    pendingDelay: {
      reason: "Chờ xác minh.",
      newDueAt: vn("2026-03-18T17:00:00").toISOString(),
      proposedBy: SPECIALIST,
    },
  };

  it("on approval the date moves, the original stays on record, and the applicant is told", () => {
    const s = step(pending, head, { action: "approve_delay" });
    expect(s.changes).toEqual({
      dueAt: vn("2026-03-18T17:00:00"),
      originalDueAt: vn("2026-03-11T17:00:00"),
      pendingDelay: null,
    });
    // The shape slip 04 reads.
    expect(s.event.details).toMatchObject({
      reason: "Chờ xác minh.",
      originalDueAt: vn("2026-03-11T17:00:00").toISOString(),
      newDueAt: vn("2026-03-18T17:00:00").toISOString(),
    });
    expect(s.notices).toContainEqual({ to: "applicant", kind: "dossier.delayed" });
    expect(refusal(pending, specialist, { action: "approve_delay" })).toBe("forbidden");
    // The applicant reads the apology and both dates, not who wrote it.
    const shown = eventForApplicant({
      id: 1,
      at: context.now,
      action: "approve_delay",
      fromStatus: "in_progress",
      toStatus: "in_progress",
      actorName: "Head",
      comment: "note",
      details: s.event.details,
    });
    expect(shown).toMatchObject({ actorName: null, comment: null, details: { reason: "Chờ xác minh." } });
  });

  it("a second apology keeps the first original date", () => {
    const again: DossierState = {
      ...pending,
      dueAt: vn("2026-03-18T17:00:00"),
      originalDueAt: vn("2026-03-11T17:00:00"),
      pendingDelay: {
        reason: "Lần hai",
        newDueAt: vn("2026-03-20T17:00:00").toISOString(),
        proposedBy: SPECIALIST,
      },
    };
    const s = step(again, head, { action: "approve_delay" });
    expect(s.changes.originalDueAt).toEqual(vn("2026-03-11T17:00:00"));
    expect(s.event.details.previousDueAt).toBe(vn("2026-03-18T17:00:00").toISOString());
  });

  it("an apology whose date the clock has since overtaken is refused; a rejection keeps the date", () => {
    const overtaken = { ...pending, dueAt: vn("2026-03-19T17:00:00") };
    expect(refusal(overtaken, head, { action: "approve_delay" })).toBe("delay_date_invalid");
    const s = step(pending, head, { action: "reject_delay", comment: "Chưa đủ lý do" });
    expect(s.changes).toEqual({ pendingDelay: null });
    expect(s.notices).toEqual([{ to: "assignee", kind: "dossier.delay_rejected" }]);
    // Internal: the applicant never sees a proposal or its rejection.
    for (const action of ["propose_delay", "reject_delay", "release"]) {
      const event = { id: 1, at: context.now, action, fromStatus: null, toStatus: "in_progress" as const };
      expect(eventForApplicant({ ...event, actorName: null, comment: null, details: null })).toBeNull();
    }
  });
});

describe("release", () => {
  it("the holder gives the dossier back to the head; nobody else can", () => {
    const s = step(inProgress, specialist, { action: "release" });
    expect(s.changes).toEqual({ assigneeId: null });
    expect(s.notices).toEqual([{ to: "competent_agency", kind: "dossier.released" }]);
    const other = staff("user-other", { agencyId: FIRST, role: "specialist" });
    expect(refusal(inProgress, other, { action: "release" })).toBe("forbidden");
    expect(refusal(inProgress, head, { action: "release" })).toBe("forbidden");
    expect(refusal({ ...inProgress, assigneeId: null }, specialist, { action: "release" })).toBe(
      "invalid_transition",
    );
  });
});

describe("return the result", () => {
  const done: DossierState = { ...inProgress, status: "done", outcome: "approved" };

  it("at the desk by default, by post with its tracking number, online with the e-result", () => {
    expect(step(done, receiver, { action: "return_result" }).event.details).toEqual({ method: "desk" });
    expect(
      step(done, receiver, { action: "return_result", returnMethod: "post", trackingNumber: " EV123 " }).event
        .details,
    ).toEqual({ method: "post", trackingNumber: "EV123" });
    expect(
      step(done, receiver, {
        action: "return_result",
        returnMethod: "online",
        documents: [{ id: "r1", fileName: "kết quả.pdf" }],
      }).event.details,
    ).toEqual({ method: "online", resultFile: { id: "r1", fileName: "kết quả.pdf" } });
  });

  it("needs the tracking number by post and the file online", () => {
    expect(refusal(done, receiver, { action: "return_result", returnMethod: "post" })).toBe(
      "tracking_required",
    );
    expect(refusal(done, receiver, { action: "return_result", returnMethod: "online" })).toBe(
      "result_file_required",
    );
  });
});
