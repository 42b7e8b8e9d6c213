/**
 * The dossier state machine (pure: no I/O). service.ts asks `decide` before every change and applies
 * the returned step.
 */
import { asRequestedDocuments, type RequestedDocument } from "./requestedDocuments";
import { applicantAccess, hasRole, type Actor } from "@/lib/identity/types";
import {
  addWorkingDaysToDate,
  appointmentAt,
  defaultWorkingHours,
  extendDueDate,
  hoursPerWorkingDay,
  isWorkingDay,
  localDate,
  workingTimeBetween,
  workingTimeLeft,
  type WorkingCalendar,
  type WorkingHours,
} from "@/lib/calendar/rules";
import { isDecisionPublisher, publishRefusal } from "@/lib/decisions/rules";
import type { HandlingStep } from "@/lib/catalog/types";
import {
  dossierActions,
  type DossierAction,
  type EventDocument,
  type ReturnMethod,
  type DossierEventView,
  type DossierStatus,
  type Outcome,
} from "./types";

/** What the rules need to know about a dossier. */
export type DossierState = {
  status: DossierStatus;
  applicantId: string;
  organisationId: string | null;
  receivingAgencyId: string;
  competentAgencyId: string;
  assigneeId: string | null;
  /** outcome decided by the head (done and returned dossiers) */
  outcome: Outcome | null;
  /** outcome proposed by the specialist while status is "proposed" */
  proposedOutcome: Outcome | null;
  acceptedAt: Date | null;
  dueAt: Date | null;
  clockStoppedAt: Date | null;
  supplementCount: number;
  /** whether its decision is already in the public register (lib/decisions/rules.ts) */
  decisionPublished: boolean;
  /** 1 at the desk, 2 online, 3 by post; absent: online (a receiver then never files it) */
  channel?: number;
  /** The appointment date before the first approved apology (set once). */
  originalDueAt: Date | null;
  /** The officer's apology waiting for the head. */
  pendingDelay: PendingDelay | null;
  /** The procedure version's inter-agency chain (null: one agency decides) and the turn now. */
  chain: readonly HandlingStep[] | null;
  chainStep: number;
  /** Questions to other agencies not answered yet. */
  openConsultations: readonly { id: string; toAgencyId: string }[];
};

export type PendingDelay = { reason: string; newDueAt: string; proposedBy: string };

/** A dossier as it starts: a draft of its applicant, filed with these agencies, nothing decided. */
export function draftState(
  parties: Pick<DossierState, "applicantId" | "organisationId" | "receivingAgencyId" | "competentAgencyId">,
): DossierState {
  return {
    ...parties,
    status: "draft",
    assigneeId: null,
    outcome: null,
    proposedOutcome: null,
    acceptedAt: null,
    dueAt: null,
    clockStoppedAt: null,
    supplementCount: 0,
    decisionPublished: false,
    originalDueAt: null,
    pendingDelay: null,
    chain: null,
    chainStep: 0,
    openConsultations: [],
  };
}

export type Command = {
  action: DossierAction;
  comment?: string;
  assigneeId?: string;
  proposal?: "approve" | "deny";
  /** For "publish_decision": the decision as numbered and dated by the agency. */
  decision?: { number: string; issuedOn: string };
  /** For "consult": the agency asked. */
  toAgencyId?: string;
  /** For "consult" (the new one's id) and "answer_consultation" (the one answered). */
  consultationId?: string;
  /** Files that go with the step (consultation documents, the e-result), already stored. */
  documents?: EventDocument[];
  /** For "propose_delay": the new appointment day, YYYY-MM-DD (Vietnam). */
  newDueDate?: string;
  /** For "return_result": how the result reaches the applicant (desk when not said). */
  returnMethod?: ReturnMethod;
  /** For "return_result" by post. */
  trackingNumber?: string;
  /** For "request_payment" (what is owed) and "record_payment" (what was paid and how). */
  payment?: PaymentCommand;
  /** For "request_supplement": the documents asked for (lib/dossiers/requestedDocuments). */
  requestedDocuments?: RequestedDocument[];
};

/**
 * A fee asked for or paid. lib/payments fills it: the amount from the procedure version's fees (the
 * officer may set it where the fee is set elsewhere), the legal text that sets it, and for a
 * payment the method and its proof.
 */
export type PaymentCommand = {
  /** The dossier_payments row this step opens or settles. */
  paymentId: string;
  amountVnd: number;
  /** The legal text that sets the fee (as published in the catalogue). */
  legalBasis?: string;
  method?: "online" | "desk";
  /** At the desk: the number of the receipt the officer wrote. */
  receiptNumber?: string;
  /** Online: the provider and its transaction id. */
  provider?: string;
  transactionId?: string;
};

export type DecideContext = {
  now: Date;
  calendar: WorkingCalendar;
  /** The procedure version's time limit for the dossier's channel, in working days. */
  timeLimitDays: number;
  /** The same limit in the catalogue's working hours (8 h = 1 day; 0 = within the day); wins over timeLimitDays. */
  timeLimitHours?: number;
  /** The competent agency's working hours (the defaults when absent). */
  workingHours?: WorkingHours;
  /** For "assign": whether assigneeId is a specialist of the competent agency (the service looks it up). */
  assigneeIsSpecialist?: boolean;
  /** For "consult": whether toAgencyId is an agency other than the dossier's competent one. */
  agencyIsValid?: boolean;
  /**
   * For "record_payment" online: the payment provider's signed callback was verified (lib/payments).
   * Only then may the applicant's side record a payment; nobody can claim to have paid.
   */
  providerConfirmed?: boolean;
};

/** Who is told: a party of the dossier, or a named agency (the one consulted). */
export type Notice =
  | { to: "applicant" | "assignee" | "receiving_agency" | "competent_agency"; kind: string }
  | { to: "agency"; agencyId: string; kind: string };

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
    competentAgencyId: string;
    chainStep: number;
    originalDueAt: Date;
    pendingDelay: PendingDelay | null;
    requestedDocuments: RequestedDocument[] | null;
  }>;
  /** Open or close a clock-stop interval (dossier_clock_stops). */
  clock?: { stop: "supplement" | "payment" } | { resume: true };
  /** Close the open turn of the inter-agency chain, open the next (dossier_transfer_legs). */
  legs?: { close: boolean; open?: { step: number; agencyId: string; plannedDays: number } };
  /** Ask another agency, or record its answer (dossier_consultations). */
  consultation?:
    | { ask: { id: string; toAgencyId: string; question: string } }
    | { answer: { id: string; answer: string } };
  event: {
    action: DossierAction;
    fromStatus: DossierStatus;
    toStatus: DossierStatus;
    comment: string | null;
    details: Record<string, unknown>;
  };
  /** Notices to write to the outbox in the same transaction. */
  notices: Notice[];
};

export type DecideError =
  | "forbidden"
  | "invalid_transition"
  | "assignee_invalid"
  | "agency_invalid"
  | "delay_date_invalid"
  | "tracking_required"
  | "result_file_required"
  | "amount_invalid"
  | "receipt_required";

export type Decision = { ok: true; step: Step } | { ok: false; error: DecideError };

type Who = (dossier: DossierState, actor: Actor) => boolean;

/** The dossier's applicant, or for one filed in an organisation's name its owners and filers. */
const isApplicant: Who = (d, a) => applicantAccess(a, d) === "act";
const isReceiver: Who = (d, a) => hasRole(a, d.receivingAgencyId, "receiver");
/** At the desk (channel 1) the receiving officer files the applicant's dossier on their behalf. */
const isDeskReceiver: Who = (d, a) => d.channel === 1 && isReceiver(d, a);
const isHead: Who = (d, a) => hasRole(a, d.competentAgencyId, "head");
const isSpecialist: Who = (d, a) => hasRole(a, d.competentAgencyId, "specialist");
/** The assignee proposes; while nobody is assigned, any specialist of the competent agency may. */
const isProposer: Who = (d, a) =>
  isSpecialist(d, a) && a.kind === "staff" && (d.assigneeId === null || d.assigneeId === a.userId);
/** The holder of the dossier gives it back. */
const isHolder: Who = (d, a) => a.kind === "staff" && d.assigneeId === a.userId && isSpecialist(d, a);
/** A specialist or head of an agency asked a question that is still open. */
const isConsultee: Who = (d, a) =>
  d.openConsultations.some((c) => hasRole(a, c.toAgencyId, "specialist") || hasRole(a, c.toAgencyId, "head"));
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
      return status === "draft" ? either(isApplicant, isDeskReceiver) : null;
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
    case "publish_decision":
      // Who may publish, and when, is the decisions module's rule (one definition).
      return publishRefusal(dossier) === null ? isDecisionPublisher : null;
    case "consult":
      return status === "in_progress" ? either(isProposer, isHead) : null;
    case "answer_consultation":
      // The question outlives a change of state: it may be answered while the dossier is open.
      return isOpen(status) && dossier.openConsultations.length > 0 ? isConsultee : null;
    case "transfer":
      return status === "in_progress" &&
        dossier.chain !== null &&
        dossier.chainStep < dossier.chain.length - 1
        ? either(isProposer, isHead)
        : null;
    case "propose_delay":
      return status === "in_progress" && dossier.dueAt !== null && dossier.pendingDelay === null
        ? isProposer
        : null;
    case "approve_delay":
    case "reject_delay":
      return (status === "in_progress" || status === "proposed") && dossier.pendingDelay !== null
        ? isHead
        : null;
    case "release":
      return status === "in_progress" && dossier.assigneeId !== null ? isHolder : null;
    case "request_payment":
      return status === "in_progress" ? either(isProposer, isHead) : null;
    case "record_payment":
      // The desk of either agency takes cash or a card; the applicant's side only through the provider.
      return status === "awaiting_payment" ? either(isReceiver, isSpecialist, isHead, isApplicant) : null;
  }
}

/** The close of a local working day ("2026-03-20") as an instant: an appointment's time. */
export function closeOfDay(isoDate: string, calendar: WorkingCalendar): Date {
  return new Date(Date.parse(`${isoDate}T00:00:00+07:00`) + calendar.closeMinutes * 60 * 1000);
}

/** Why a step's own input does not hold (past the who-may-when check), or null. */
function inputRefusal(
  dossier: DossierState,
  actor: Actor,
  command: Command,
  context: DecideContext,
): DecideError | null {
  switch (command.action) {
    case "assign":
      // A head reassigns by assigning again (the event keeps the previous assignee).
      return !command.assigneeId || context.assigneeIsSpecialist !== true ? "assignee_invalid" : null;
    case "consult":
      return !command.toAgencyId ||
        command.toAgencyId === dossier.competentAgencyId ||
        context.agencyIsValid !== true
        ? "agency_invalid"
        : null;
    case "answer_consultation": {
      const open = dossier.openConsultations.find((c) => c.id === command.consultationId);
      // Answered already (a stale page) or addressed to another agency.
      if (!open) return "invalid_transition";
      const mine = hasRole(actor, open.toAgencyId, "specialist") || hasRole(actor, open.toAgencyId, "head");
      return mine ? null : "forbidden";
    }
    case "propose_delay":
    case "approve_delay": {
      const newDueAt =
        command.action === "propose_delay"
          ? delayDate(command.newDueDate, context.calendar)
          : new Date(dossier.pendingDelay!.newDueAt);
      // A later day, not a later hour of the same day: an apology moves the appointment to another date.
      return newDueAt && dossier.dueAt && localDate(newDueAt) > localDate(dossier.dueAt)
        ? null
        : "delay_date_invalid";
    }
    case "request_payment": {
      const amount = command.payment?.amountVnd;
      return amount !== undefined && Number.isSafeInteger(amount) && amount > 0 ? null : "amount_invalid";
    }
    case "record_payment": {
      const payment = command.payment;
      if (!payment || !Number.isSafeInteger(payment.amountVnd) || payment.amountVnd <= 0)
        return "amount_invalid";
      if (payment.method === "online") {
        return context.providerConfirmed === true && payment.transactionId?.trim() ? null : "forbidden";
      }
      // At the desk only staff record, always with the receipt they wrote.
      if (actor.kind !== "staff") return "forbidden";
      return payment.receiptNumber?.trim() ? null : "receipt_required";
    }
    case "return_result": {
      const method = command.returnMethod ?? "desk";
      if (method === "post" && !command.trackingNumber?.trim()) return "tracking_required";
      if (method === "online" && (command.documents ?? []).length === 0) return "result_file_required";
      return null;
    }
    default:
      return null;
  }
}

/** The new appointment of an apology: the close of a working day, or null for a day that is not one. */
function delayDate(isoDate: string | undefined, calendar: WorkingCalendar): Date | null {
  if (!isoDate || !/^\d{4}-\d{2}-\d{2}$/.test(isoDate) || Number.isNaN(Date.parse(isoDate))) return null;
  return isWorkingDay(isoDate, calendar) ? closeOfDay(isoDate, calendar) : null;
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
  const refusal = inputRefusal(dossier, actor, command, context);
  if (refusal) return { ok: false, error: refusal };
  return { ok: true, step: stepFor(dossier, actor, command, context) };
}

function stepFor(dossier: DossierState, actor: Actor, command: Command, context: DecideContext): Step {
  const { now, calendar } = context;
  const hours = context.workingHours ?? defaultWorkingHours;
  const comment = command.comment?.trim() || null;
  const make = (
    status: DossierStatus,
    changes: Step["changes"],
    notices: Step["notices"],
    details: Record<string, unknown> = {},
    clock?: Step["clock"],
    legs?: Step["legs"],
  ): Step => ({
    status,
    changes,
    ...(clock ? { clock } : {}),
    ...(legs ? { legs } : {}),
    event: { action: command.action, fromStatus: dossier.status, toStatus: status, comment, details },
    notices,
  });
  /** Closing a clock stop moves the due date later by the working time it lasted. */
  const resumeClock = (): {
    changes: Step["changes"];
    clock?: Step["clock"];
    details: Record<string, unknown>;
  } => {
    if (!dossier.clockStoppedAt) return { changes: {}, details: {} };
    const changes: Step["changes"] = { clockStoppedAt: null };
    const details: Record<string, unknown> = {};
    if (dossier.dueAt) {
      const dueAt = extendDueDate(dossier.dueAt, dossier.clockStoppedAt, now, calendar, hours);
      changes.dueAt = dueAt;
      details.dueAt = dueAt.toISOString();
      details.previousDueAt = dossier.dueAt.toISOString();
    }
    return { changes, clock: { resume: true }, details };
  };

  /** An apology still waiting when the dossier ends or is decided has nothing left to move. */
  const dropDelay: Step["changes"] = dossier.pendingDelay ? { pendingDelay: null } : {};

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
      // Counted once, under today's calendar and hours, and kept: a later calendar edit moves nothing.
      const limitHours = context.timeLimitHours ?? context.timeLimitDays * hoursPerWorkingDay;
      const dueAt = appointmentAt(calendar, hours, now, limitHours);
      // An inter-agency dossier starts the first agency's share of the time limit.
      const first = dossier.chain?.[0];
      return make(
        "received",
        { acceptedAt: now, dueAt },
        [
          { to: "applicant", kind: "dossier.accepted" },
          { to: "competent_agency", kind: "dossier.accepted" },
        ],
        { dueAt: dueAt.toISOString(), timeLimitDays: context.timeLimitDays, timeLimitHours: limitHours },
        undefined,
        first
          ? { close: false, open: { step: 0, agencyId: first.agencyId, plannedDays: first.days } }
          : undefined,
      );
    }

    case "request_supplement": {
      const notices: Step["notices"] = [{ to: "applicant", kind: "dossier.supplement_requested" }];
      const requested = command.requestedDocuments ?? [];
      const requestedDocuments = requested.length > 0 ? requested : null;
      const listed = requestedDocuments ? { requestedDocuments } : {};
      // Before acceptance no time limit runs yet, so nothing stops and nothing counts.
      if (dossier.acceptedAt === null)
        return make("supplement_requested", { requestedDocuments }, notices, listed);
      const supplementCount = dossier.supplementCount + 1;
      return make(
        "supplement_requested",
        { clockStoppedAt: now, supplementCount, requestedDocuments },
        notices,
        { supplementCount, ...listed },
        { stop: "supplement" },
      );
    }

    case "supplement": {
      // The answer closes the request: its list of documents goes with it.
      if (dossier.acceptedAt === null) {
        return make("submitted", { requestedDocuments: null }, [
          { to: "receiving_agency", kind: "dossier.supplemented" },
        ]);
      }
      const resumed = resumeClock();
      return make(
        "in_progress",
        { ...resumed.changes, requestedDocuments: null },
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

    case "release":
      return make(
        dossier.status,
        { assigneeId: null },
        [{ to: "competent_agency", kind: "dossier.released" }],
        { previousAssigneeId: dossier.assigneeId },
      );

    case "consult": {
      const id = command.consultationId!;
      const toAgencyId = command.toAgencyId!;
      return {
        ...make(dossier.status, {}, [{ to: "agency", agencyId: toAgencyId, kind: "dossier.consulted" }], {
          consultationId: id,
          toAgencyId,
          documents: command.documents ?? [],
        }),
        consultation: { ask: { id, toAgencyId, question: comment ?? "" } },
      };
    }

    case "answer_consultation": {
      const id = command.consultationId!;
      return {
        ...make(
          dossier.status,
          {},
          [
            {
              to: dossier.assigneeId ? "assignee" : "competent_agency",
              kind: "dossier.consultation_answered",
            },
          ],
          { consultationId: id, documents: command.documents ?? [] },
        ),
        consultation: { answer: { id, answer: comment ?? "" } },
      };
    }

    case "transfer": {
      const from = dossier.chain![dossier.chainStep]!;
      const step = dossier.chainStep + 1;
      const next = dossier.chain![step]!;
      // The next agency's head assigns it to one of its own specialists.
      return make(
        "in_progress",
        { competentAgencyId: next.agencyId, chainStep: step, assigneeId: null },
        [{ to: "competent_agency", kind: "dossier.transferred" }],
        { fromAgencyId: from.agencyId, toAgencyId: next.agencyId, step, plannedDays: next.days },
        undefined,
        { close: true, open: { step, agencyId: next.agencyId, plannedDays: next.days } },
      );
    }

    case "propose_delay": {
      const newDueAt = delayDate(command.newDueDate, calendar)!.toISOString();
      const reason = comment ?? "";
      return make(
        dossier.status,
        { pendingDelay: { reason, newDueAt, proposedBy: actor.kind === "staff" ? actor.userId : "" } },
        [{ to: "competent_agency", kind: "dossier.delay_proposed" }],
        { reason, newDueAt, currentDueAt: dossier.dueAt!.toISOString() },
      );
    }

    case "approve_delay": {
      const delay = dossier.pendingDelay!;
      // The first apology's date stays the original: a second one does not move it.
      const originalDueAt = dossier.originalDueAt ?? dossier.dueAt!;
      // The shape slip 04 (apology and new date) reads: keep these three keys.
      return make(
        dossier.status,
        { dueAt: new Date(delay.newDueAt), originalDueAt, pendingDelay: null },
        [
          { to: "applicant", kind: "dossier.delayed" },
          { to: "assignee", kind: "dossier.delay_approved" },
        ],
        {
          reason: delay.reason,
          originalDueAt: originalDueAt.toISOString(),
          newDueAt: delay.newDueAt,
          previousDueAt: dossier.dueAt!.toISOString(),
        },
      );
    }

    case "reject_delay": {
      const delay = dossier.pendingDelay!;
      return make(
        dossier.status,
        { pendingDelay: null },
        [{ to: "assignee", kind: "dossier.delay_rejected" }],
        { reason: delay.reason, newDueAt: delay.newDueAt },
      );
    }

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
      // The last agency of a chain decides: its turn ends, the result goes to the receiving desk.
      return make(
        "done",
        { outcome, proposedOutcome: null, ...dropDelay, finishedAt: now },
        [
          { to: "applicant", kind: "dossier.decided" },
          { to: "receiving_agency", kind: "dossier.decided" },
        ],
        { outcome, proposedOutcome: dossier.proposedOutcome },
        undefined,
        dossier.chain ? { close: true } : undefined,
      );
    }

    case "request_payment": {
      const payment = command.payment!;
      return make(
        "awaiting_payment",
        { clockStoppedAt: now },
        [{ to: "applicant", kind: "dossier.payment_requested" }],
        {
          paymentId: payment.paymentId,
          amountVnd: payment.amountVnd,
          ...(payment.legalBasis ? { legalBasis: payment.legalBasis } : {}),
        },
        { stop: "payment" },
      );
    }

    case "record_payment": {
      const payment = command.payment!;
      const resumed = resumeClock();
      const proof =
        payment.method === "online"
          ? { provider: payment.provider ?? null, transactionId: payment.transactionId!.trim() }
          : { receiptNumber: payment.receiptNumber!.trim() };
      return make(
        "in_progress",
        resumed.changes,
        [
          { to: "applicant", kind: "dossier.paid" },
          { to: dossier.assigneeId ? "assignee" : "competent_agency", kind: "dossier.paid" },
        ],
        {
          paymentId: payment.paymentId,
          amountVnd: payment.amountVnd,
          method: payment.method ?? "desk",
          ...proof,
          ...resumed.details,
        },
        resumed.clock,
      );
    }

    case "return_result": {
      const method = command.returnMethod ?? "desk";
      const details: Record<string, unknown> = { method };
      if (method === "post") details.trackingNumber = command.trackingNumber!.trim();
      if (method === "online") details.resultFile = command.documents![0];
      return make("returned", { returnedAt: now }, [{ to: "applicant", kind: "dossier.returned" }], details);
    }

    case "publish_decision": {
      if (!command.decision) throw new TypeError("publish_decision needs the decision (lib/decisions)");
      // The state stays: publishing records the act and tells the applicant where to find it.
      return make(dossier.status, {}, [{ to: "applicant", kind: "dossier.decision_published" }], {
        number: command.decision.number,
        issuedOn: command.decision.issuedOn,
      });
    }

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
      return make(
        status,
        { ...resumed.changes, ...dropDelay, finishedAt: now },
        notices,
        resumed.details,
        resumed.clock,
        dossier.chain ? { close: true } : undefined,
      );
    }
  }
}

/** The actions this actor may take now; the UI shows them, `decide` checks them again. */
export function allowedActions(dossier: DossierState, actor: Actor): DossierAction[] {
  return dossierActions.filter((action) => {
    // The applicant pays through the provider (lib/payments), never by a button that says so.
    if (action === "record_payment" && actor.kind !== "staff") return false;
    const who = whoMay(dossier, action);
    return who !== null && who(dossier, actor);
  });
}

/** What the history says about the last proposal and the last request for documents. */
type HistoryEvent = Pick<DossierEventView, "id" | "at" | "action" | "comment" | "details">;

function latest<E extends HistoryEvent>(events: readonly E[], action: DossierEventView["action"]): E | null {
  let found: E | null = null;
  for (const event of events) {
    if (event.action !== action) continue;
    const at = new Date(event.at).getTime();
    const best = found ? new Date(found.at).getTime() : -Infinity;
    if (!found || at > best || (at === best && event.id > found.id)) found = event;
  }
  return found;
}

export type Proposal = { proposal: "approve" | "deny"; note: string | null; at: Date };

/**
 * The proposal the head is deciding on: the latest "propose" of the history, while the dossier
 * waits for approval; null otherwise. The note is internal (staff only).
 */
export function pendingProposal(status: DossierStatus, events: readonly HistoryEvent[]): Proposal | null {
  if (status !== "proposed") return null;
  const event = latest(events, "propose");
  const proposal = event?.details?.proposal;
  if (!event || (proposal !== "approve" && proposal !== "deny")) return null;
  return { proposal, note: event.comment, at: new Date(event.at) };
}

export type SupplementRequest = { comment: string | null; at: Date; documents: RequestedDocument[] };

/** The request for documents the applicant has to answer now: the latest one, while it is open. */
export function openSupplementRequest(
  status: DossierStatus,
  events: readonly HistoryEvent[],
): SupplementRequest | null {
  if (status !== "supplement_requested") return null;
  const event = latest(events, "request_supplement");
  return event
    ? {
        comment: event.comment,
        at: new Date(event.at),
        documents: asRequestedDocuments(event.details?.requestedDocuments),
      }
    : null;
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

/* ---- Deadlines: "overdue" and "due soon", defined here once (queue, pages, reports) ---- */

/** States in which the administration's clock runs towards the appointment date. */
export const clockRunningStatuses = [
  "received",
  "in_progress",
  "proposed",
] as const satisfies readonly DossierStatus[];

/** "Due soon": the appointment falls before the close of the Nth working day from today. */
export const dueSoonWorkingDays = 2;

/** What the deadline rules need to know about a dossier (dates as Date or ISO text). */
export type DeadlineFacts = {
  status: DossierStatus;
  dueAt: Date | string | null;
  clockStoppedAt: Date | string | null;
};

/**
 * The administration's clock is running: the dossier is accepted and being handled, and the
 * applicant is not being asked for documents. Not once the result exists.
 */
export function isClockRunning(dossier: Omit<DeadlineFacts, "dueAt">): boolean {
  return (
    (clockRunningStatuses as readonly DossierStatus[]).includes(dossier.status) &&
    dossier.clockStoppedAt === null
  );
}

/**
 * Overdue: the clock is running and the appointment date has passed. Not once the result exists,
 * nor while the applicant is asked for documents (the date moves when they answer).
 */
export function isOverdue(dossier: DeadlineFacts, now: Date): boolean {
  return (
    isClockRunning(dossier) && dossier.dueAt !== null && new Date(dossier.dueAt).getTime() < now.getTime()
  );
}

/** The end of the "due soon" horizon: the close (midnight, Vietnam time) of the Nth working day from today. */
export function dueSoonUntil(now: Date, calendar: WorkingCalendar, days: number = dueSoonWorkingDays): Date {
  const day = addWorkingDaysToDate(localDate(now), days, calendar);
  return new Date(Date.parse(`${day}T00:00:00+07:00`) + 24 * 60 * 60 * 1000 - 1);
}

/**
 * Working time left for a dossier, in whole minutes of the competent agency's working time
 * (negative: overdue by that much). While the clock is stopped it stays where the stop began.
 * Null when there is nothing to count: no appointment yet, or the result exists.
 */
export function dossierWorkingTimeLeft(
  dossier: DeadlineFacts,
  now: Date,
  calendar: WorkingCalendar,
  hours: WorkingHours = defaultWorkingHours,
): { minutes: number; stopped: boolean } | null {
  const stoppedAt = dossier.clockStoppedAt ? new Date(dossier.clockStoppedAt) : null;
  const counting = stoppedAt ? !isEnded(dossier.status) : isClockRunning(dossier);
  if (dossier.dueAt === null || !counting) return null;
  const due = new Date(dossier.dueAt);
  if (stoppedAt)
    return { minutes: Math.floor(workingTimeBetween(calendar, hours, stoppedAt, due)), stopped: true };
  return { minutes: workingTimeLeft(calendar, hours, now, due), stopped: false };
}

/** Due soon: the clock is running, the date has not passed, and it falls within the horizon. */
export function isDueSoon(dossier: DeadlineFacts, now: Date, calendar: WorkingCalendar): boolean {
  if (!isClockRunning(dossier) || dossier.dueAt === null) return false;
  const due = new Date(dossier.dueAt).getTime();
  return due >= now.getTime() && due <= dueSoonUntil(now, calendar).getTime();
}

/* ---- What a dossier's pages say about its dates ---- */

/**
 * The appointment date as a page tells it: "set" (there is one), "pending" (it comes when the
 * dossier is accepted), or "none" (it ended, refused or withdrawn, before it was accepted: none
 * will come).
 */
export function appointmentState(
  status: DossierStatus,
  dueAt: Date | string | null,
): "set" | "pending" | "none" {
  if (dueAt !== null) return "set";
  return isEnded(status) ? "none" : "pending";
}

export type DossierEnd<D> = { kind: "result" | "refused" | "withdrawn" | "stopped"; at: D };

/**
 * How and when a dossier ended: with a result (done, then returned), or refused, withdrawn or
 * stopped, which have an end date but no result. Null while it is still open.
 */
export function endOf<D extends Date | string>(
  status: DossierStatus,
  finishedAt: D | null,
): DossierEnd<D> | null {
  if (finishedAt === null) return null;
  switch (status) {
    case "done":
    case "returned":
      return { kind: "result", at: finishedAt };
    case "refused":
    case "withdrawn":
    case "stopped":
      return { kind: status, at: finishedAt };
    default:
      return null;
  }
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
