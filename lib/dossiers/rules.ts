/**
 * The dossier state machine (pure: no I/O). CONTRACT — types and signatures are fixed; bodies are
 * being written. service.ts asks `decide` before every change and applies the returned step.
 */
import type { Actor } from "@/lib/identity/types";
import type { WorkingCalendar } from "@/lib/calendar/rules";
import type { DossierAction, DossierStatus, Outcome } from "./types";

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

export type Decision = { ok: true; step: Step } | { ok: false; error: "forbidden" | "invalid_transition" | "assignee_invalid" };

export function decide(dossier: DossierState, actor: Actor, command: Command, context: DecideContext): Decision {
  void dossier;
  void actor;
  void command;
  void context;
  throw new Error("lib/dossiers/rules.ts is being written");
}

/** The actions this actor may take now; the UI shows them, `decide` checks them again. */
export function allowedActions(dossier: DossierState, actor: Actor): DossierAction[] {
  void dossier;
  void actor;
  throw new Error("lib/dossiers/rules.ts is being written");
}

/** The national portal's status code (1–10) for a portal state; null for drafts. */
export function nationalStatusCode(status: DossierStatus): number | null {
  void status;
  throw new Error("lib/dossiers/rules.ts is being written");
}

/** Open = still the administration's or the applicant's to act on (not ended, not a draft). */
export function isOpen(status: DossierStatus): boolean {
  void status;
  throw new Error("lib/dossiers/rules.ts is being written");
}

/** Formats a dossier code: {receiving agency code}-{yyMMdd}-{NNNN}, date in Vietnam's time. */
export function formatDossierCode(agencyCode: string, at: Date, sequence: number): string {
  void agencyCode;
  void at;
  void sequence;
  throw new Error("lib/dossiers/rules.ts is being written");
}
