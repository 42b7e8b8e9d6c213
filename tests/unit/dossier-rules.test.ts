import { describe, expect, it } from "vitest";
import { defaultWorkingHours, makeCalendar } from "@/lib/calendar/rules";
import {
  allowedActions,
  decide,
  isEnded,
  isFinished,
  isOpen,
  clockRunningStatuses,
  draftState,
  dueSoonUntil,
  dueSoonWorkingDays,
  isClockRunning,
  isDueSoon,
  isOverdue,
  onTime,
  openSupplementRequest,
  pendingProposal,
  type Command,
  type DecideContext,
  type DossierState,
} from "@/lib/dossiers/rules";
import {
  dossierActions,
  dossierStatuses,
  type DossierAction,
  type DossierStatus,
} from "@/lib/dossiers/types";
import type { Actor, AgencyRole } from "@/lib/identity/types";

const RECEIVING = "agency-receiving";
const COMPETENT = "agency-competent";
const ELSEWHERE = "agency-elsewhere";
const APPLICANT = "user-applicant";
const ORGANISATION = "org-1";
const ASSIGNEE = "user-specialist";
const CONSULTATION = "consultation-1";

const vn = (local: string) => new Date(`${local}+07:00`);

// 2026: Hùng Kings day moved to Monday 27 April; 30 April and 1 May off.
const calendar = makeCalendar([
  { date: "2026-04-27", kind: "off" },
  { date: "2026-04-30", kind: "off" },
  { date: "2026-05-01", kind: "off" },
]);

const staff = (userId: string, ...roles: AgencyRole[]): Actor => ({
  kind: "staff",
  userId,
  name: userId,
  roles,
});
const actors = {
  // The dossier is filed in ORGANISATION's name: its starter acts as one of its members.
  owner: {
    kind: "applicant",
    userId: APPLICANT,
    name: "Owner",
    organisationIds: [ORGANISATION],
    organisations: [{ id: ORGANISATION, role: "owner" }],
  },
  // The same person once removed from the organisation: the dossier is no longer theirs.
  removedStarter: { kind: "applicant", userId: APPLICANT, name: "Owner", organisationIds: [] },
  // A member who only views the organisation's dossiers acts on none.
  orgViewer: {
    kind: "applicant",
    userId: "user-viewer",
    name: "Viewer",
    organisationIds: [ORGANISATION],
    organisations: [{ id: ORGANISATION, role: "viewer" }],
  },
  orgMember: {
    kind: "applicant",
    userId: "user-colleague",
    name: "Colleague",
    organisationIds: [ORGANISATION],
  },
  otherApplicant: { kind: "applicant", userId: "user-other", name: "Other", organisationIds: ["org-2"] },
  receiver: staff("user-receiver", { agencyId: RECEIVING, role: "receiver" }),
  specialist: staff(ASSIGNEE, { agencyId: COMPETENT, role: "specialist" }),
  otherSpecialist: staff("user-specialist-2", { agencyId: COMPETENT, role: "specialist" }),
  head: staff("user-head", { agencyId: COMPETENT, role: "head" }),
  receiverElsewhere: staff("user-r2", { agencyId: ELSEWHERE, role: "receiver" }),
  specialistElsewhere: staff("user-s3", { agencyId: ELSEWHERE, role: "specialist" }),
  headElsewhere: staff("user-h2", { agencyId: ELSEWHERE, role: "head" }),
  // Right roles at the wrong one of the dossier's two agencies.
  headAtReceiving: staff("user-h3", { agencyId: RECEIVING, role: "head" }),
  receiverAtCompetent: staff("user-r3", { agencyId: COMPETENT, role: "receiver" }),
  agencyAdmin: staff(
    "user-aa",
    { agencyId: RECEIVING, role: "agency_admin" },
    { agencyId: COMPETENT, role: "agency_admin" },
  ),
  systemAdmin: staff(
    "user-sa",
    { agencyId: RECEIVING, role: "system_admin" },
    { agencyId: COMPETENT, role: "system_admin" },
  ),
  anonymous: { kind: "anonymous" },
} satisfies Record<string, Actor>;
type ActorName = keyof typeof actors;

const base: DossierState = draftState({
  applicantId: APPLICANT,
  organisationId: ORGANISATION,
  receivingAgencyId: RECEIVING,
  competentAgencyId: COMPETENT,
});
const accepted = {
  acceptedAt: vn("2026-03-02T09:00:00"),
  dueAt: vn("2026-03-11T17:00:00"),
};

/** One dossier per state, as it would be when it got there. */
const fixtures = {
  draft: base,
  submitted: { ...base, status: "submitted" },
  supplement_requested_before: { ...base, status: "supplement_requested" },
  supplement_requested_after: {
    ...base,
    ...accepted,
    status: "supplement_requested",
    assigneeId: ASSIGNEE,
    clockStoppedAt: vn("2026-03-04T10:00:00"),
    supplementCount: 1,
  },
  received: { ...base, ...accepted, status: "received" },
  in_progress: { ...base, ...accepted, status: "in_progress", assigneeId: ASSIGNEE },
  proposed: { ...base, ...accepted, status: "proposed", assigneeId: ASSIGNEE, proposedOutcome: "approved" },
  awaiting_payment: { ...base, ...accepted, status: "awaiting_payment", assigneeId: ASSIGNEE },
  done: { ...base, ...accepted, status: "done", assigneeId: ASSIGNEE, outcome: "approved" },
  returned: { ...base, ...accepted, status: "returned", assigneeId: ASSIGNEE, outcome: "denied" },
  /** its decision is in the public register already */
  published: {
    ...base,
    ...accepted,
    status: "returned",
    assigneeId: ASSIGNEE,
    outcome: "approved",
    decisionPublished: true,
  },
  refused: { ...base, status: "refused" },
  withdrawn: { ...base, status: "withdrawn" },
  stopped: { ...base, ...accepted, status: "stopped", assigneeId: ASSIGNEE },
  /** in progress, given back to the head: nobody holds it */
  released: { ...base, ...accepted, status: "in_progress", assigneeId: null },
  /** in progress, a question to another agency waiting for its answer */
  consulting: {
    ...base,
    ...accepted,
    status: "in_progress",
    assigneeId: ASSIGNEE,
    openConsultations: [{ id: CONSULTATION, toAgencyId: ELSEWHERE }],
  },
  /** in progress at the first agency of a two-agency chain */
  chained: {
    ...base,
    ...accepted,
    status: "in_progress",
    assigneeId: ASSIGNEE,
    chain: [
      { agencyId: COMPETENT, days: 3 },
      { agencyId: ELSEWHERE, days: 2 },
    ],
    chainStep: 0,
  },
  /** in progress, the specialist's apology waiting for the head */
  delay_pending: {
    ...base,
    ...accepted,
    status: "in_progress",
    assigneeId: ASSIGNEE,
    pendingDelay: {
      reason: "Chờ ý kiến",
      newDueAt: vn("2026-03-18T17:00:00").toISOString(),
      proposedBy: ASSIGNEE,
    },
  },
} satisfies Record<string, DossierState>;
type FixtureName = keyof typeof fixtures;

const applicants: ActorName[] = ["owner", "orgMember"];
/** In progress and held by the assignee, whatever else is under way. */
const held: FixtureName[] = ["in_progress", "consulting", "chained", "delay_pending"];
const inProgress: FixtureName[] = [...held, "released"];
const open: FixtureName[] = [
  "submitted",
  "supplement_requested_before",
  "supplement_requested_after",
  "received",
  ...inProgress,
  "proposed",
  "awaiting_payment",
];

/** The whole state machine: from which fixtures each action exists, and who may take it there. */
const spec: Record<DossierAction, { from: FixtureName[]; who: ActorName[] }[]> = {
  submit: [{ from: ["draft"], who: applicants }],
  accept: [{ from: ["submitted"], who: ["receiver"] }],
  refuse: [{ from: ["submitted"], who: ["receiver"] }],
  request_supplement: [
    { from: ["submitted"], who: ["receiver"] },
    { from: inProgress, who: ["specialist", "otherSpecialist", "head"] },
  ],
  supplement: [{ from: ["supplement_requested_before", "supplement_requested_after"], who: applicants }],
  assign: [{ from: ["received", ...inProgress], who: ["receiver", "head"] }],
  // Only the assignee proposes once someone is assigned.
  propose: [
    { from: held, who: ["specialist"] },
    { from: ["released"], who: ["specialist", "otherSpecialist"] },
  ],
  approve: [{ from: ["proposed"], who: ["head"] }],
  deny: [{ from: ["proposed"], who: ["head"] }],
  return_result: [{ from: ["done"], who: ["receiver"] }],
  withdraw: [{ from: open, who: applicants }],
  stop: [
    {
      from: ["received", ...inProgress, "proposed", "supplement_requested_after", "awaiting_payment"],
      who: ["head"],
    },
  ],
  // A head of the competent agency, once decided, once (lib/decisions/rules.ts).
  publish_decision: [{ from: ["done", "returned"], who: ["head"] }],
  // The officer who holds it (any specialist while nobody does) or the head.
  consult: [
    { from: held, who: ["specialist", "head"] },
    { from: ["released"], who: ["specialist", "otherSpecialist", "head"] },
  ],
  // The consulted agency's specialists and heads, not its desk.
  answer_consultation: [{ from: ["consulting"], who: ["specialistElsewhere", "headElsewhere"] }],
  // Only along a chain, and not past its last agency.
  transfer: [{ from: ["chained"], who: ["specialist", "head"] }],
  // One apology at a time, written by the officer.
  propose_delay: [
    { from: ["in_progress", "consulting", "chained"], who: ["specialist"] },
    { from: ["released"], who: ["specialist", "otherSpecialist"] },
  ],
  approve_delay: [{ from: ["delay_pending"], who: ["head"] }],
  reject_delay: [{ from: ["delay_pending"], who: ["head"] }],
  // Only the holder gives it back.
  release: [{ from: held, who: ["specialist"] }],
  // Fees are asked for like a proposal: by the officer who holds it (any specialist while nobody does) or the head.
  request_payment: [
    { from: held, who: ["specialist", "head"] },
    { from: ["released"], who: ["specialist", "otherSpecialist", "head"] },
  ],
  // At the desk of either agency; the applicant pays only through the provider (a desk command is refused).
  record_payment: [
    { from: ["awaiting_payment"], who: ["receiver", "specialist", "otherSpecialist", "head"] },
  ],
};

const context: DecideContext = {
  now: vn("2026-03-05T10:00:00"),
  calendar,
  timeLimitDays: 5,
  assigneeIsSpecialist: true,
  agencyIsValid: true,
};
const commandFor = (action: DossierAction): Command => ({
  action,
  comment: "Lý do",
  assigneeId: ASSIGNEE,
  proposal: "approve",
  decision: { number: "125/QĐ-UBND", issuedOn: "2026-03-05" },
  toAgencyId: ELSEWHERE,
  consultationId: CONSULTATION,
  // Friday 13 March: a working day after the appointment of Wednesday 11 March.
  newDueDate: "2026-03-13",
  payment: {
    paymentId: "payment-1",
    amountVnd: 8000,
    legalBasis: "Thông tư 85/2019/TT-BTC",
    receiptNumber: "BL-0001",
  },
});

function expected(fixture: FixtureName, action: DossierAction, actor: ActorName): string {
  const rule = spec[action].find((r) => r.from.includes(fixture));
  if (!rule) return "invalid_transition";
  return rule.who.includes(actor) ? "ok" : "forbidden";
}

describe("every action from every state by every kind of actor", () => {
  const cases = (Object.keys(fixtures) as FixtureName[]).flatMap((fixture) =>
    dossierActions.map((action) => ({ fixture, action })),
  );

  it.each(cases)("$action from $fixture", ({ fixture, action }) => {
    const dossier = fixtures[fixture];
    for (const [name, actor] of Object.entries(actors) as [ActorName, Actor][]) {
      const decision = decide(dossier, actor, commandFor(action), context);
      const got = decision.ok ? "ok" : decision.error;
      expect(got, `${name}`).toBe(expected(fixture, action, name));
      // What the UI offers matches what decide allows.
      expect(allowedActions(dossier, actor).includes(action), `${name} allowedActions`).toBe(got === "ok");
    }
  });

  it("covers every portal state", () => {
    const covered = new Set(Object.values(fixtures).map((f) => f.status));
    expect([...covered].sort()).toEqual([...dossierStatuses].sort());
  });

  it("moves to the documented state and records the event", () => {
    const targets: Partial<Record<DossierAction, DossierStatus>> = {
      submit: "submitted",
      accept: "received",
      refuse: "refused",
      request_supplement: "supplement_requested",
      assign: "in_progress",
      propose: "proposed",
      approve: "done",
      deny: "done",
      return_result: "returned",
      withdraw: "withdrawn",
      stop: "stopped",
    };
    for (const [action, rules] of Object.entries(spec) as [DossierAction, (typeof spec)[DossierAction]][]) {
      for (const rule of rules) {
        for (const fixture of rule.from) {
          const decision = decide(fixtures[fixture], actors[rule.who[0]!], commandFor(action), context);
          if (!decision.ok) throw new Error(`${action} from ${fixture}: ${decision.error}`);
          const { step } = decision;
          if (targets[action]) expect(step.status, `${action} from ${fixture}`).toBe(targets[action]);
          expect(step.event).toMatchObject({
            action,
            fromStatus: fixtures[fixture].status,
            toStatus: step.status,
            comment: "Lý do",
          });
          expect(step.notices.length, `${action} notices`).toBeGreaterThan(0);
        }
      }
    }
  });
});

const ok = (dossier: DossierState, actor: Actor, command: Command, ctx: Partial<DecideContext> = {}) => {
  const decision = decide(dossier, actor, command, { ...context, ...ctx });
  if (!decision.ok) throw new Error(decision.error);
  return decision.step;
};

describe("accept", () => {
  it("sets the appointment in working hours, skipping a weekend and a holiday", () => {
    // Friday 24 April 09:00 + 2 working days: Sat, Sun, Mon 27 (Hùng Kings) skipped -> Tue 28, Wed 29 09:00.
    const now = vn("2026-04-24T09:00:00");
    const step = ok(fixtures.submitted, actors.receiver, { action: "accept" }, { now, timeLimitDays: 2 });
    expect(step.status).toBe("received");
    expect(step.changes.acceptedAt).toEqual(now);
    expect(step.changes.dueAt).toEqual(vn("2026-04-29T09:00:00"));
    expect(step.event.details.dueAt).toBe(vn("2026-04-29T09:00:00").toISOString());
    expect(step.notices).toContainEqual({ to: "applicant", kind: "dossier.accepted" });
  });

  it("counts the limit in the competent agency's hours, half a day and after the cut-off included", () => {
    const workingHours = { ...defaultWorkingHours, morningStart: 7 * 60, cutoff: 16 * 60 };
    // Tuesday 28 April 15:30: before this agency's 16:00 cut-off, so 4 h run from now (1 h 30 today).
    const now = vn("2026-04-28T15:30:00");
    const half = ok(
      fixtures.submitted,
      actors.receiver,
      { action: "accept" },
      {
        now,
        timeLimitDays: 1,
        timeLimitHours: 4,
        workingHours,
      },
    );
    expect(half.changes.dueAt).toEqual(vn("2026-04-29T09:30:00"));
    expect(half.event.details.timeLimitHours).toBe(4);
    // With the default hours the 15:00 cut-off has passed: the day starts Wednesday 07:30.
    const late = ok(
      fixtures.submitted,
      actors.receiver,
      { action: "accept" },
      { now, timeLimitDays: 1, timeLimitHours: 0 },
    );
    expect(late.changes.dueAt).toEqual(vn("2026-04-29T17:00:00"));
  });

  it("does not recompute the appointment date of a dossier accepted before", () => {
    const before = { ...fixtures.submitted, ...accepted };
    const step = ok(before, actors.receiver, { action: "accept" }, { now: vn("2026-04-24T09:00:00") });
    expect(step.status).toBe("received");
    expect(step.changes.dueAt).toBeUndefined();
    expect(step.changes.acceptedAt).toBeUndefined();
    expect(step.event.details.dueAt).toBe(accepted.dueAt.toISOString());
  });
});

describe("supplements and the clock", () => {
  it("before acceptance: no clock stop and no count", () => {
    const step = ok(fixtures.submitted, actors.receiver, {
      action: "request_supplement",
      comment: "Thiếu giấy",
    });
    expect(step.status).toBe("supplement_requested");
    expect(step.clock).toBeUndefined();
    expect(step.changes.supplementCount).toBeUndefined();
    expect(step.changes.clockStoppedAt).toBeUndefined();

    const back = ok(fixtures.supplement_requested_before, actors.owner, {
      action: "supplement",
      comment: "Đã bổ sung",
    });
    expect(back.status).toBe("submitted");
    expect(back.clock).toBeUndefined();
  });

  it("after acceptance: stops the clock, counts, and resuming moves the due date by the days stopped", () => {
    const stoppedAt = vn("2026-03-09T10:00:00"); // Monday
    const stop = ok(
      fixtures.in_progress,
      actors.specialist,
      { action: "request_supplement", comment: "Thiếu giấy" },
      { now: stoppedAt },
    );
    expect(stop.status).toBe("supplement_requested");
    expect(stop.clock).toEqual({ stop: "supplement" });
    expect(stop.changes).toMatchObject({ clockStoppedAt: stoppedAt, supplementCount: 1 });

    const waiting = { ...fixtures.in_progress, ...stop.changes, status: stop.status };
    // Answered Thursday: Tue, Wed, Thu = 3 working days stopped; due Wed 11 -> Mon 16 March.
    const resume = ok(
      waiting,
      actors.owner,
      { action: "supplement", comment: "Đã bổ sung" },
      { now: vn("2026-03-12T10:00:00") },
    );
    expect(resume.status).toBe("in_progress");
    expect(resume.clock).toEqual({ resume: true });
    expect(resume.changes.clockStoppedAt).toBeNull();
    expect(resume.changes.dueAt).toEqual(vn("2026-03-16T17:00:00"));
    expect(resume.notices).toContainEqual({ to: "assignee", kind: "dossier.supplemented" });
  });

  it("a head may also ask, and a second request counts again", () => {
    const again = { ...fixtures.in_progress, supplementCount: 1 };
    const step = ok(again, actors.head, { action: "request_supplement", comment: "Thiếu lần nữa" });
    expect(step.changes.supplementCount).toBe(2);
  });

  it("withdrawing or stopping while the clock is stopped closes the interval", () => {
    const now = vn("2026-03-05T10:00:00");
    const withdraw = ok(fixtures.supplement_requested_after, actors.owner, { action: "withdraw" }, { now });
    expect(withdraw.status).toBe("withdrawn");
    expect(withdraw.clock).toEqual({ resume: true });
    expect(withdraw.changes).toMatchObject({ clockStoppedAt: null, finishedAt: now });

    const stop = ok(
      fixtures.supplement_requested_after,
      actors.head,
      { action: "stop", comment: "Dừng" },
      { now },
    );
    expect(stop.status).toBe("stopped");
    expect(stop.clock).toEqual({ resume: true });

    const plain = ok(fixtures.received, actors.owner, { action: "withdraw" }, { now });
    expect(plain.clock).toBeUndefined();
    expect(plain.changes).toEqual({ finishedAt: now });
  });
});

describe("assign", () => {
  const assign: Command = { action: "assign", assigneeId: ASSIGNEE };

  it("requires a specialist of the competent agency", () => {
    expect(
      decide(fixtures.received, actors.receiver, assign, { ...context, assigneeIsSpecialist: false }),
    ).toEqual({
      ok: false,
      error: "assignee_invalid",
    });
    expect(
      decide(fixtures.received, actors.receiver, assign, { ...context, assigneeIsSpecialist: undefined }),
    ).toEqual({
      ok: false,
      error: "assignee_invalid",
    });
    expect(decide(fixtures.received, actors.receiver, { action: "assign" }, context)).toEqual({
      ok: false,
      error: "assignee_invalid",
    });
  });

  it("checks the actor before the assignee", () => {
    expect(
      decide(fixtures.received, actors.specialist, assign, { ...context, assigneeIsSpecialist: false }),
    ).toEqual({
      ok: false,
      error: "forbidden",
    });
  });

  it("sets the assignee and tells them; a head may reassign", () => {
    const step = ok(fixtures.received, actors.receiver, assign);
    expect(step).toMatchObject({ status: "in_progress", changes: { assigneeId: ASSIGNEE } });
    expect(step.notices).toEqual([{ to: "assignee", kind: "dossier.assigned" }]);
    const again = ok(fixtures.in_progress, actors.head, {
      action: "assign",
      assigneeId: "user-specialist-2",
    });
    expect(again.changes.assigneeId).toBe("user-specialist-2");
  });
});

describe("propose and decide", () => {
  it("any specialist of the competent agency proposes while nobody is assigned", () => {
    const unassigned = { ...fixtures.in_progress, assigneeId: null };
    const step = ok(unassigned, actors.otherSpecialist, {
      action: "propose",
      proposal: "deny",
      comment: "Không đủ",
    });
    expect(step).toMatchObject({ status: "proposed", changes: { proposedOutcome: "denied" } });
    expect(
      decide(unassigned, actors.specialistElsewhere, { action: "propose", proposal: "deny" }, context),
    ).toEqual({
      ok: false,
      error: "forbidden",
    });
  });

  it("the head decides regardless of the proposal", () => {
    const now = vn("2026-03-06T09:00:00");
    const step = ok(
      fixtures.proposed,
      actors.head,
      { action: "deny", comment: "Không đủ điều kiện" },
      { now },
    );
    expect(step.status).toBe("done");
    expect(step.changes).toEqual({ outcome: "denied", proposedOutcome: null, finishedAt: now });
    const approve = ok(fixtures.proposed, actors.head, { action: "approve" }, { now });
    expect(approve.changes.outcome).toBe("approved");
  });

  it("returning the result records when", () => {
    const now = vn("2026-03-10T09:00:00");
    const step = ok(fixtures.done, actors.receiver, { action: "return_result" }, { now });
    expect(step).toMatchObject({ status: "returned", changes: { returnedAt: now } });
  });

  it("submitting and refusing record when", () => {
    const now = vn("2026-03-10T09:00:00");
    expect(ok(fixtures.draft, actors.orgMember, { action: "submit" }, { now }).changes).toEqual({
      submittedAt: now,
    });
    expect(
      ok(fixtures.submitted, actors.receiver, { action: "refuse", comment: "Sai" }, { now }).changes,
    ).toEqual({
      finishedAt: now,
    });
  });
});

describe("publishing the decision", () => {
  const decision = { number: "125/QĐ-UBND", issuedOn: "2026-03-05" };

  it("keeps the state and records the decision's number for the applicant's history", () => {
    for (const fixture of [fixtures.done, fixtures.returned]) {
      const step = ok(fixture, actors.head, { action: "publish_decision", decision });
      expect(step).toEqual({
        status: fixture.status,
        changes: {},
        event: {
          action: "publish_decision",
          fromStatus: fixture.status,
          toStatus: fixture.status,
          comment: null,
          details: decision,
        },
        notices: [{ to: "applicant", kind: "dossier.decision_published" }],
      });
    }
  });

  it("needs an outcome, and publishes once", () => {
    const undecided = { ...fixtures.done, outcome: null };
    expect(decide(undecided, actors.head, { action: "publish_decision", decision }, context)).toEqual({
      ok: false,
      error: "invalid_transition",
    });
    expect(allowedActions(fixtures.published, actors.head)).not.toContain("publish_decision");
    expect(allowedActions(fixtures.done, actors.head)).toContain("publish_decision");
    expect(allowedActions(fixtures.done, actors.headAtReceiving)).not.toContain("publish_decision");
  });
});

describe("what the history says", () => {
  const event = (
    id: number,
    at: string,
    action: DossierAction,
    comment: string | null,
    details: Record<string, unknown> = {},
  ) => ({ id, at: vn(at), action, comment, details });
  const history = [
    event(3, "2026-03-04T10:00:00", "propose", "Đủ điều kiện", { proposal: "approve" }),
    event(1, "2026-03-02T09:00:00", "request_supplement", "Thiếu bản sao"),
    event(2, "2026-03-03T09:00:00", "propose", "Chưa đủ", { proposal: "deny" }),
    event(5, "2026-03-05T09:00:00", "request_supplement", "Ảnh mờ, chụp lại trang 2"),
    event(4, "2026-03-05T09:00:00", "request_supplement", "Cùng lúc, ghi trước"),
  ];

  it("the proposal being decided is the latest one, with the specialist's note, only while proposed", () => {
    expect(pendingProposal("proposed", history)).toEqual({
      proposal: "approve",
      note: "Đủ điều kiện",
      at: vn("2026-03-04T10:00:00"),
    });
    expect(pendingProposal("done", history)).toBeNull();
    expect(pendingProposal("proposed", [])).toBeNull();
  });

  it("the open request for documents is the latest one (the later id at the same instant), only while asked", () => {
    expect(openSupplementRequest("supplement_requested", history)).toEqual({
      comment: "Ảnh mờ, chụp lại trang 2",
      at: vn("2026-03-05T09:00:00"),
      // A request that names no documents (lib/dossiers/requestedDocuments).
      documents: [],
    });
    expect(openSupplementRequest("in_progress", history)).toBeNull();
  });
});

describe("status groups", () => {
  it("open, ended and finished", () => {
    const openStates = dossierStatuses.filter(isOpen);
    expect(openStates.sort()).toEqual(
      [
        "submitted",
        "supplement_requested",
        "received",
        "in_progress",
        "proposed",
        "awaiting_payment",
        "done",
      ].sort(),
    );
    expect(dossierStatuses.filter(isEnded).sort()).toEqual(["refused", "returned", "stopped", "withdrawn"]);
    expect(dossierStatuses.filter(isFinished).sort()).toEqual(["done", "refused", "returned", "stopped"]);
  });
});

describe("on time", () => {
  const dueAt = vn("2026-03-11T17:00:00");
  const periodEnd = vn("2026-03-31T23:59:59");
  const row = { dueAt, endedAt: null, clockStoppedAt: null, supplementCount: 0, periodEnd };

  it("compares the end, or the period's end while open, with the due date", () => {
    expect(onTime({ ...row, endedAt: dueAt })).toBe(true);
    expect(onTime({ ...row, endedAt: vn("2026-03-11T17:00:01") })).toBe(false);
    expect(onTime({ ...row, periodEnd: vn("2026-03-10T00:00:00") })).toBe(true);
    expect(onTime(row)).toBe(false);
  });

  it("does not count a clock still stopped, counts two supplements as late, ignores the never accepted", () => {
    expect(onTime({ ...row, clockStoppedAt: vn("2026-03-10T09:00:00") })).toBe(true);
    expect(onTime({ ...row, endedAt: dueAt, supplementCount: 2 })).toBe(false);
    expect(onTime({ ...row, dueAt: null })).toBeNull();
  });
});

describe("overdue and due soon: one definition for queue, pages and reports", () => {
  const due = new Date("2026-03-10T10:00:00Z");
  const after = new Date("2026-03-11T10:00:00Z");
  const facts = (status: DossierStatus, clockStoppedAt: Date | null = null) => ({
    status,
    dueAt: due,
    clockStoppedAt,
  });
  it.each(
    dossierStatuses.map(
      (status) => [status, ["received", "in_progress", "proposed"].includes(status)] as const,
    ),
  )("%s past its date -> overdue %s", (status, expected) => {
    expect(isOverdue(facts(status), after)).toBe(expected);
    expect(isClockRunning(facts(status))).toBe(expected);
  });
  it("is not overdue while the clock is stopped, whatever the status says", () => {
    expect(isOverdue(facts("in_progress", new Date("2026-03-09T10:00:00Z")), after)).toBe(false);
  });
  it("is not overdue before the date, nor without one", () => {
    expect(isOverdue(facts("in_progress"), new Date("2026-03-09T10:00:00Z"))).toBe(false);
    expect(isOverdue({ ...facts("in_progress"), dueAt: null }, after)).toBe(false);
    expect(isOverdue({ ...facts("in_progress"), dueAt: due.toISOString() }, after)).toBe(true);
  });
  it("the clock runs in exactly the statuses the queue's SQL reads", () => {
    expect([...clockRunningStatuses]).toEqual(["received", "in_progress", "proposed"]);
  });

  // Tết 2026: 16–20 Feb off.
  const tet = makeCalendar(
    ["16", "17", "18", "19", "20"].map((d) => ({ date: `2026-02-${d}`, kind: "off" as const })),
  );
  it("due soon: within the close of the second working day from today, skipping days off", () => {
    const now = vn("2026-02-13T09:00:00"); // Friday before Tết
    expect(dueSoonWorkingDays).toBe(2);
    // Two working days after Friday 13 Feb: Monday 23 and Tuesday 24 Feb.
    expect(dueSoonUntil(now, tet).toISOString()).toBe(vn("2026-02-24T23:59:59.999").toISOString());
    const soon = (dueAt: Date, status: DossierStatus = "in_progress", stop: Date | null = null) =>
      isDueSoon({ status, dueAt, clockStoppedAt: stop }, now, tet);
    expect(soon(vn("2026-02-13T17:00:00"))).toBe(true);
    expect(soon(vn("2026-02-24T17:00:00"))).toBe(true);
    expect(soon(vn("2026-02-25T17:00:00"))).toBe(false);
    expect(soon(vn("2026-02-12T17:00:00"))).toBe(false); // already overdue
    expect(soon(vn("2026-02-23T17:00:00"), "supplement_requested", vn("2026-02-12T09:00:00"))).toBe(false);
    expect(soon(vn("2026-02-23T17:00:00"), "done")).toBe(false);
  });
});
