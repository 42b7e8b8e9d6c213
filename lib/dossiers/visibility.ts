/**
 * What the applicant may see of each event in their dossier's history (pure: no I/O).
 * ARCHITECTURE invariant 9: each event says what the applicant may see; internal notes stay
 * internal. Staff see every event whole; reads.ts passes each event through `eventForApplicant`
 * before an applicant's page (or its browser payload) ever holds it.
 */
import type { DossierAction, DossierEventView } from "./types";

/** Every kind of event a dossier's history holds. */
export type EventKind = DossierAction | "create";

export type ApplicantView = {
  /** Whether the event's comment is for the applicant: their own words or the agency's message to them. */
  comment: boolean;
  /** The details keys the applicant may read (dates and outcomes); anything else stays with staff. */
  details: readonly string[];
  /** Internal steps the applicant does not see at all (an apology not yet approved, a hand-back). */
  hidden?: true;
};

/**
 * One decision per event kind. A Record over every kind, so a new action cannot be added without
 * saying what the applicant sees of it. An event of a kind not listed here is not shown at all.
 */
export const applicantViews: Record<EventKind, ApplicantView> = {
  create: { comment: false, details: [] },
  // The applicant's own words.
  submit: { comment: true, details: [] },
  supplement: { comment: true, details: ["dueAt", "previousDueAt"] },
  withdraw: { comment: true, details: [] },
  // The agency's messages to the applicant (the staff form says the applicant reads them).
  accept: { comment: true, details: ["dueAt"] },
  // The message and the documents it names (the applicant's answer page offers one slot each).
  request_supplement: { comment: true, details: ["requestedDocuments"] },
  refuse: { comment: true, details: [] },
  approve: { comment: true, details: ["outcome"] },
  deny: { comment: true, details: ["outcome"] },
  // How the result reaches them: at the desk, by post (its tracking number), or online (the file).
  return_result: { comment: true, details: ["method", "trackingNumber", "resultFile"] },
  // The apology and the new date, as slip 04 tells them; the original date stays on record.
  approve_delay: { comment: false, details: ["reason", "originalDueAt", "newDueAt"] },
  stop: { comment: true, details: [] },
  // Internal work: the applicant sees that it happened, not the note, the officer or the proposal.
  assign: { comment: false, details: [] },
  propose: { comment: false, details: [] },
  // The published decision is public anyway: its number and date.
  publish_decision: { comment: false, details: ["number", "issuedOn"] },
  // Another agency's part: the applicant sees that it is asked or moved, not the exchange.
  consult: { comment: false, details: [] },
  answer_consultation: { comment: false, details: [] },
  transfer: { comment: false, details: [] },
  // Internal until the head decides; a hand-back to the head changes nothing for the applicant.
  propose_delay: { comment: false, details: [], hidden: true },
  reject_delay: { comment: false, details: [], hidden: true },
  release: { comment: false, details: [], hidden: true },
  // What is owed and under which text; then how it was paid and the appointment it moved.
  request_payment: { comment: true, details: ["amountVnd", "legalBasis"] },
  record_payment: {
    comment: false,
    details: ["amountVnd", "method", "receiptNumber", "transactionId", "dueAt", "previousDueAt"],
  },
};

function viewOf(action: string): ApplicantView | null {
  return Object.hasOwn(applicantViews, action) ? applicantViews[action as EventKind] : null;
}

/**
 * The event as the applicant may see it, or null when it is not theirs to see. Never the officer's
 * name; the comment only when it is addressed to them; only the details listed for its kind.
 * Built field by field, so nothing added to an event later reaches the applicant by default.
 */
export function eventForApplicant(
  event: Omit<DossierEventView, "action"> & { action: string },
): DossierEventView | null {
  const view = viewOf(event.action);
  if (!view || view.hidden) return null;
  const details: Record<string, unknown> = {};
  for (const key of view.details) {
    if (event.details && Object.hasOwn(event.details, key)) details[key] = event.details[key];
  }
  return {
    id: event.id,
    at: event.at,
    action: event.action as DossierEventView["action"],
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    actorName: null,
    comment: view.comment ? event.comment : null,
    details: Object.keys(details).length > 0 ? details : null,
  };
}
