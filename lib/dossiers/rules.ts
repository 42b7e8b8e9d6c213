/**
 * The dossier state machine (pure: no I/O). service.ts asks `decide` before every change and applies
 * the returned step.
 */
import { hasRole, type Actor } from "@/lib/identity/types";
import { appointmentDate, extendDueDate, localDate, type WorkingCalendar } from "@/lib/calendar/rules";
import { dossierActions, type DossierAction, type DossierStatus, type Outcome } from "./types";

/** What the rules need to know about a dossier. */
export type DossierState = {
  status: DossierStatus;
  applicantId: string;
  organisationId: string | null;
  receivingAgencyId: string;
  competentAgencyId: string;
  assigneeId: string | null;
  /** outcome proposed by the specialist while status is "proposed" */
  proposedOutcome: Outcome | null;
  acceptedAt: Date | null;
  dueAt: Date | null;
  clockStoppedAt: Date | null;
  supplementCount: number;
};

export type Command = {
  action: DossierAction;
  comment?: string;
  assigneeId?: string;
  proposal?: "approve" | "deny";
};

export type DecideContext = {
  now: Date;
  calendar: WorkingCalendar;
  /** The procedure version's time limit for the dossier's channel, in working days. */
  timeLimitDays: number;
  /** For "assign": whether assigneeId is a specialist of the competent agency (the service looks it up). */
  assigneeIsSpecialist?: boolean;
};

/** Columns of the dossier row that change, and what else the service must do. */
export type Step = {
  status: DossierStatus;
  changes: Partial<{
    outcome: Outcome | null;
    proposedOutcome: Outcome | null;
    assigneeId: string | null;
    submittedAt: Date;
    acceptedAt: Date;
    dueAt: Date;
    finishedAt: Date;
    returnedAt: Date;
    clockStoppedAt: Date | null;
    supplementCount: number;
  }>;
  /** Open or close a clock-stop interval (dossier_clock_stops). */
  clock?: { stop: "supplement" } | { resume: true };
  event: {
    action: DossierAction;
    fromStatus: DossierStatus;
    toStatus: DossierStatus;
    comment: string | null;
    details: Record<string, unknown>;
  };
  /** Notices to write to the outbox in the same transaction. */
  notices: { to: "applicant" | "assignee" | "receiving_agency" | "competent_agency"; kind: string }[];
};

export type Decision =
  { ok: true; step: Step } | { ok: false; error: "forbidden" | "invalid_transition" | "assignee_invalid" };

type Who = (dossier: DossierState, actor: Actor) => boolean;

const isApplicant: Who = (d, a) =>
  a.kind === "applicant" &&
  (a.userId === d.applicantId || (d.organisationId !== null && a.organisationIds.includes(d.organisationId)));
const isReceiver: Who = (d, a) => hasRole(a, d.receivingAgencyId, "receiver");
const isHead: Who = (d, a) => hasRole(a, d.competentAgencyId, "head");
const isSpecialist: Who = (d, a) => hasRole(a, d.competentAgencyId, "specialist");
/** The assignee proposes; while nobody is assigned, any specialist of the competent agency may. */
const isProposer: Who = (d, a) =>
  isSpecialist(d, a) && a.kind === "staff" && (d.assigneeId === null || d.assigneeId === a.userId);
const either =
  (...whos: Who[]): Who =>
  (d, a) =>
    whos.some((who) => who(d, a));

/** States the applicant may withdraw from: everything the administration still holds before a result. */
const withdrawable: readonly DossierStatus[] = [
  "submitted",
  "supplement_requested",
  "received",
  "in_progress",
  "proposed",
  "awaiting_payment",
];
/** Stopping is for dossiers already accepted (DOMAIN: "an accepted open dossier -> stopped"). */
const stoppable: readonly DossierStatus[] = [
  "received",
  "in_progress",
  "proposed",
  "supplement_requested",
  "awaiting_payment",
];

/**
 * Who may take an action from the dossier's current state; null when the transition does not exist.
 * Some transitions depend on whether the dossier was accepted, not only on its status.
 */
function whoMay(dossier: DossierState, action: DossierAction): Who | null {
  const { status } = dossier;
  const accepted = dossier.acceptedAt !== null;
  switch (action) {
    case "submit":
      return status === "draft" ? isApplicant : null;
    case "accept":
    case "refuse":
      return status === "submitted" ? isReceiver : null;
    case "request_supplement":
      if (status === "submitted") return isReceiver;
      if (status === "in_progress") return either(isSpecialist, isHead);
      return null;
    case "supplement":
      return status === "supplement_requested" ? isApplicant : null;
    case "assign":
      return status === "received" || status === "in_progress" ? either(isReceiver, isHead) : null;
    case "propose":
      return status === "in_progress" ? isProposer : null;
    case "approve":
    case "deny":
      return status === "proposed" ? isHead : null;
    case "return_result":
      return status === "done" ? isReceiver : null;
    case "withdraw":
      return withdrawable.includes(status) ? isApplicant : null;
    case "stop":
      return stoppable.includes(status) && accepted ? isHead : null;
  }
}

export function decide(
  dossier: DossierState,
  actor: Actor,
  command: Command,
  context: DecideContext,
): Decision {
  const who = whoMay(dossier, command.action);
  if (!who) return { ok: false, error: "invalid_transition" };
  if (!who(dossier, actor)) return { ok: false, error: "forbidden" };
  if (command.action === "assign" && (!command.assigneeId || context.assigneeIsSpecialist !== true)) {
    return { ok: false, error: "assignee_invalid" };
  }
  return { ok: true, step: stepFor(dossier, command, context) };
}

function stepFor(dossier: DossierState, command: Command, context: DecideContext): Step {
  const { now, calendar } = context;
  const comment = command.comment?.trim() || null;
  const make = (
    status: DossierStatus,
    changes: Step["changes"],
    notices: Step["notices"],
    details: Record<string, unknown> = {},
    clock?: Step["clock"],
  ): Step => ({
    status,
    changes,
    ...(clock ? { clock } : {}),
    event: { action: command.action, fromStatus: dossier.status, toStatus: status, comment, details },
    notices,
  });
  /** Closing a clock stop moves the due date later by the working days it lasted. */
  const resumeClock = (): {
    changes: Step["changes"];
    clock?: Step["clock"];
    details: Record<string, unknown>;
  } => {
    if (!dossier.clockStoppedAt) return { changes: {}, details: {} };
    const changes: Step["changes"] = { clockStoppedAt: null };
    const details: Record<string, unknown> = {};
    if (dossier.dueAt) {
      const dueAt = extendDueDate(dossier.dueAt, dossier.clockStoppedAt, now, calendar);
      changes.dueAt = dueAt;
      details.dueAt = dueAt.toISOString();
      details.previousDueAt = dossier.dueAt.toISOString();
    }
    return { changes, clock: { resume: true }, details };
  };

  switch (command.action) {
    case "submit":
      return make("submitted", { submittedAt: now }, [{ to: "receiving_agency", kind: "dossier.submitted" }]);

    case "accept": {
      // A dossier accepted before keeps its acceptance time and appointment date.
      if (dossier.acceptedAt && dossier.dueAt) {
        return make("received", {}, [{ to: "applicant", kind: "dossier.accepted" }], {
          dueAt: dossier.dueAt.toISOString(),
          reaccepted: true,
        });
      }
      const dueAt = appointmentDate(now, context.timeLimitDays, calendar);
      return make(
        "received",
        { acceptedAt: now, dueAt },
        [
          { to: "applicant", kind: "dossier.accepted" },
          { to: "competent_agency", kind: "dossier.accepted" },
        ],
        { dueAt: dueAt.toISOString(), timeLimitDays: context.timeLimitDays },
      );
    }

    case "request_supplement": {
      const notices: Step["notices"] = [{ to: "applicant", kind: "dossier.supplement_requested" }];
      // Before acceptance no time limit runs yet, so nothing stops and nothing counts.
      if (dossier.acceptedAt === null) return make("supplement_requested", {}, notices);
      const supplementCount = dossier.supplementCount + 1;
      return make(
        "supplement_requested",
        { clockStoppedAt: now, supplementCount },
        notices,
        { supplementCount },
        { stop: "supplement" },
      );
    }

    case "supplement": {
      if (dossier.acceptedAt === null) {
        return make("submitted", {}, [{ to: "receiving_agency", kind: "dossier.supplemented" }]);
      }
      const resumed = resumeClock();
      return make(
        "in_progress",
        resumed.changes,
        [{ to: dossier.assigneeId ? "assignee" : "competent_agency", kind: "dossier.supplemented" }],
        resumed.details,
        resumed.clock,
      );
    }

    case "refuse":
      return make("refused", { finishedAt: now }, [{ to: "applicant", kind: "dossier.refused" }]);

    case "assign":
      return make(
        "in_progress",
        { assigneeId: command.assigneeId! },
        [{ to: "assignee", kind: "dossier.assigned" }],
        { assigneeId: command.assigneeId!, previousAssigneeId: dossier.assigneeId },
      );

    case "propose": {
      if (!command.proposal) throw new TypeError("propose needs a proposal (schema.ts requires it)");
      const proposedOutcome: Outcome = command.proposal === "approve" ? "approved" : "denied";
      return make("proposed", { proposedOutcome }, [{ to: "competent_agency", kind: "dossier.proposed" }], {
        proposal: command.proposal,
      });
    }

    case "approve":
    case "deny": {
      const outcome: Outcome = command.action === "approve" ? "approved" : "denied";
      return make(
        "done",
        { outcome, proposedOutcome: null, finishedAt: now },
        [
          { to: "applicant", kind: "dossier.decided" },
          { to: "receiving_agency", kind: "dossier.decided" },
        ],
        { outcome, proposedOutcome: dossier.proposedOutcome },
      );
    }

    case "return_result":
      return make("returned", { returnedAt: now }, [{ to: "applicant", kind: "dossier.returned" }]);

    case "withdraw":
    case "stop": {
      const resumed = resumeClock();
      const status: DossierStatus = command.action === "withdraw" ? "withdrawn" : "stopped";
      const notices: Step["notices"] =
        command.action === "withdraw"
          ? [
              { to: "receiving_agency", kind: "dossier.withdrawn" },
              ...(dossier.acceptedAt ? [{ to: "competent_agency" as const, kind: "dossier.withdrawn" }] : []),
            ]
          : [
              { to: "applicant", kind: "dossier.stopped" },
              { to: "receiving_agency", kind: "dossier.stopped" },
            ];
      return make(status, { ...resumed.changes, finishedAt: now }, notices, resumed.details, resumed.clock);
    }
  }
}

/** The actions this actor may take now; the UI shows them, `decide` checks them again. */
export function allowedActions(dossier: DossierState, actor: Actor): DossierAction[] {
  return dossierActions.filter((action) => {
    const who = whoMay(dossier, action);
    return who !== null && who(dossier, actor);
  });
}

const nationalCodes: Record<DossierStatus, number | null> = {
  draft: null,
  submitted: 1,
  received: 2,
  refused: 3,
  in_progress: 4,
  proposed: 4,
  supplement_requested: 5,
  awaiting_payment: 6,
  withdrawn: 7,
  stopped: 8,
  done: 9,
  returned: 10,
};

/** The national portal's status code (1–10) for a portal state; null for drafts. */
export function nationalStatusCode(status: DossierStatus): number | null {
  return nationalCodes[status];
}

/** States after which nothing more happens to a dossier. */
export const endStatuses = [
  "refused",
  "returned",
  "withdrawn",
  "stopped",
] as const satisfies readonly DossierStatus[];

export function isEnded(status: DossierStatus): boolean {
  return (endStatuses as readonly DossierStatus[]).includes(status);
}

/**
 * Open = the administration still has work: not a draft and not ended. "done" is open because the
 * result has still to be handed over.
 */
export function isOpen(status: DossierStatus): boolean {
  return status !== "draft" && !isEnded(status);
}

/** States in which the administration's clock runs towards the appointment date. */
const clockRunningStatuses: readonly DossierStatus[] = ["received", "in_progress", "proposed"];

/**
 * Past its appointment date with the clock still running: the administration is late. Not once the
 * result exists, nor while the applicant is asked for documents (the date moves when they answer).
 */
export function isPastDue(status: DossierStatus, dueAt: Date | string | null, now: Date): boolean {
  return clockRunningStatuses.includes(status) && dueAt !== null && new Date(dueAt).getTime() < now.getTime();
}

/**
 * Finished for the on-time rule: its end is the first of done, returned, stopped or refused
 * (a withdrawn dossier is not measured).
 */
export function isFinished(status: DossierStatus): boolean {
  return status === "done" || status === "returned" || status === "refused" || status === "stopped";
}

/**
 * The on-time rule of the service index: the end (or the period's end while still open) is no later
 * than the appointment date, and at most one supplement was asked after acceptance. Time while the
 * clock is stopped does not count: an open stop is measured at its start (closed stops have already
 * moved dueAt). Null when nothing was promised (never accepted).
 */
export function onTime(input: {
  dueAt: Date | null;
  /** finishedAt when isFinished(status), else null */
  endedAt: Date | null;
  clockStoppedAt: Date | null;
  supplementCount: number;
  periodEnd: Date;
}): boolean | null {
  if (!input.dueAt) return null;
  if (input.supplementCount > 1) return false;
  let measuredAt = input.endedAt ?? input.periodEnd;
  if (input.clockStoppedAt && input.clockStoppedAt < measuredAt) measuredAt = input.clockStoppedAt;
  return measuredAt.getTime() <= input.dueAt.getTime();
}

/** The yyMMdd part of a dossier code: the day in Vietnam's time. */
export function dossierCodeDay(at: Date): string {
  return localDate(at).slice(2).replaceAll("-", "");
}

/** Formats a dossier code: {receiving agency code}-{yyMMdd}-{NNNN}, date in Vietnam's time. */
export function formatDossierCode(agencyCode: string, at: Date, sequence: number): string {
  return `${agencyCode}-${dossierCodeDay(at)}-${String(sequence).padStart(4, "0")}`;
}

/**
 * The "missing documents" rule, used when a draft is saved and when it is submitted: each required
 * document with no file yet, as the issue its field shows ("doc_<key>"), in the order of the list.
 */
export function missingDocuments(
  documents: readonly { key: string; required: boolean }[],
  attachedKeys: Iterable<string>,
): Record<string, string[]> {
  const present = new Set(attachedKeys);
  const issues: Record<string, string[]> = {};
  for (const document of documents) {
    if (document.required && !present.has(document.key)) {
      issues[`doc_${document.key}`] = ["errors.documentRequired"];
    }
  }
  return issues;
}
