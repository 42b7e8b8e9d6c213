import type { RequestedDocument } from "./requestedDocuments";
import type { Result as BaseResult } from "@/lib/result";

/** The portal's own dossier states; national.ts maps them to the national portal's codes 1–10. */
export const dossierStatuses = [
  "draft",
  "submitted",
  "supplement_requested",
  "received",
  "in_progress",
  "proposed",
  "awaiting_payment",
  "done",
  "returned",
  "refused",
  "withdrawn",
  "stopped",
] as const;
export type DossierStatus = (typeof dossierStatuses)[number];

export const dossierActions = [
  "submit", // applicant: draft -> submitted
  "accept", // receiver: submitted -> received, sets the appointment date
  "request_supplement", // receiver (submitted) or specialist/head (in_progress): clock stops
  "supplement", // applicant answers: back to submitted, or to in_progress with the clock resumed
  "refuse", // receiver: submitted -> refused
  "assign", // receiver or head: received -> in_progress, to a specialist of the competent agency
  "propose", // specialist: in_progress -> proposed (approve or deny, with a draft result)
  "approve", // head: proposed -> done, outcome approved
  "deny", // head: proposed -> done, outcome denied (written refusal)
  "return_result", // receiver: done -> returned
  "withdraw", // applicant: any open state -> withdrawn
  "stop", // head: an accepted open dossier -> stopped, with a notice
  "publish_decision", // head of the competent agency: a decided dossier's decision into the public register; state unchanged
  "consult", // specialist (holder) or head, in progress: a question to another agency; the clock runs on
  "answer_consultation", // specialist or head of the consulted agency: the answer; state unchanged
  "transfer", // specialist (holder) or head, in progress: to the next agency of the procedure's chain
  "propose_delay", // specialist (holder), in progress: the apology and a later appointment date
  "approve_delay", // head: the new date holds, the original stays on record; the applicant is told
  "reject_delay", // head: the apology is sent back; the date stays
  "release", // the holder gives the dossier back to the head (nobody holds it)
  "request_payment", // specialist (holder) or head, in progress: fees owed; the clock stops until paid
  "record_payment", // paid: at the desk (receiver, specialist or head, with the receipt number) or online (the provider's signed callback, as the applicant who paid); the clock resumes
] as const;
export type DossierAction = (typeof dossierActions)[number];

export type Outcome = "approved" | "denied";

/** How the result reaches the applicant (recorded in the return_result event). */
export const returnMethods = ["online", "desk", "post"] as const;
export type ReturnMethod = (typeof returnMethods)[number];

/** A file named in an event's details (consultation documents, the e-result). */
export type EventDocument = { id: string; fileName: string };

/** A dossier as the services return it (names resolved for display). */
export type DossierView = {
  id: string;
  code: string | null;
  status: DossierStatus;
  outcome: Outcome | null;
  channel: 1 | 2 | 3;
  version: number;
  procedure: { id: string; code: string; nameVi: string; nameEn: string };
  procedureVersionId: string;
  applicantId: string;
  applicantName: string;
  /** The organisation it is filed for (its name), or null for the applicant's own. */
  organisation?: { id: string; name: string } | null;
  receivingAgency: { id: string; code: string; nameVi: string; nameEn: string };
  competentAgency: { id: string; code: string; nameVi: string; nameEn: string };
  assignee: { id: string; name: string } | null;
  formData: Record<string, unknown>;
  submittedAt: Date | null;
  acceptedAt: Date | null;
  dueAt: Date | null;
  /** The appointment date before the first approved apology; null when none was approved. */
  originalDueAt: Date | null;
  /** Staff only: the apology waiting for the head. */
  pendingDelay: { reason: string; newDueAt: string; proposedBy: string } | null;
  /** The agency of the inter-agency chain handling it now (0: the first, or no chain). */
  chainStep: number;
  finishedAt: Date | null;
  returnedAt: Date | null;
  clockStoppedAt: Date | null;
  supplementCount: number;
  /** The documents the open request for more names (empty when none is open or it names none). */
  requestedDocuments: RequestedDocument[];
  createdAt: Date;
  updatedAt: Date;
};

export type DossierEventView = {
  id: number;
  at: Date;
  action: DossierAction | "create";
  fromStatus: DossierStatus | null;
  toStatus: DossierStatus;
  actorName: string | null;
  /** staff comments are shown to the applicant; the actor's name only to staff */
  comment: string | null;
  details: Record<string, unknown> | null;
};

export type AttachmentView = {
  id: string;
  documentKey: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  createdAt: Date;
  /** the applicant's name for an "other" or asked-for document */
  description: string | null;
  /** staff are served only clean files (lib/files/scanner) */
  scanStatus: ScanStatus;
  /** what the scanner found in a rejected file */
  scanReason: string | null;
};

export type ScanStatus = "pending" | "clean" | "rejected";

/** What anyone may see by code: no personal data. */
export type PublicDossierStatus = {
  code: string;
  procedure: { code: string; nameVi: string; nameEn: string };
  status: DossierStatus;
  /** The national portal's code 1–10 (national.ts); null only for a draft, which has no code to look up. */
  nationalStatusCode: number | null;
  receivingAgency: { code: string; nameVi: string; nameEn: string };
  submittedAt: string | null;
  acceptedAt: string | null;
  dueAt: string | null;
  finishedAt: string | null;
  returnedAt: string | null;
};

/** Errors a user can cause; each is a message key in the "dossiers" namespace (errors.<code>). */
export type DossierError =
  | "not_found" // also when the actor may not see it: never reveal that it exists
  | "forbidden" // the actor may see it but not do this
  | "invalid_transition" // not allowed from the current state
  | "conflict" // someone else changed it since it was read (version moved)
  | "invalid_input"
  | "missing_documents"
  | "assignee_invalid"
  | "agency_invalid" // consult: no such agency, or the dossier's own
  | "delay_date_invalid" // the new appointment must be a working day after the current one
  | "tracking_required" // a result sent by post needs its tracking number
  | "result_file_required" // a result returned online needs the e-result file
  | "amount_invalid" // a fee asked for or paid must be a whole, positive number of đồng
  | "receipt_required"; // a payment at the desk needs the number of the receipt written

/** A dossier use case's result: errors are DossierError codes unless said otherwise. */
export type Result<T, E = DossierError> = BaseResult<T, E>;
