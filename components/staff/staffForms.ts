import type { DossierAction } from "@/lib/dossiers/types";
import { textValues } from "@/components/forms/formState";

/** The staff actions that have a form on the dossier page (the applicant's own are elsewhere). */
export const staffFormActions = [
  "accept",
  "request_supplement",
  "refuse",
  "assign",
  "propose",
  "approve",
  "deny",
  "return_result",
  "stop",
  "answer_consultation",
  "consult",
  "transfer",
  "propose_delay",
  "approve_delay",
  "reject_delay",
  "release",
] as const satisfies readonly DossierAction[];
export type StaffFormAction = (typeof staffFormActions)[number];

export function isStaffFormAction(value: unknown): value is StaffFormAction {
  return typeof value === "string" && (staffFormActions as readonly string[]).includes(value);
}

/** Destructive or final for the applicant: these use the warning button. */
export const warningActions: ReadonlySet<StaffFormAction> = new Set(["refuse", "deny", "stop"]);

/** Actions whose comment is required, and says something of its own (the question, the reason…). */
export const commentRequiredActions: ReadonlySet<StaffFormAction> = new Set([
  "request_supplement",
  "refuse",
  "propose",
  "deny",
  "stop",
  "consult",
  "answer_consultation",
  "propose_delay",
  "reject_delay",
]);

/** Actions whose form carries files (the service knows their kind). */
export const fileActions: ReadonlySet<StaffFormAction> = new Set([
  "consult",
  "answer_consultation",
  "return_result",
]);

export type StaffField =
  | "comment"
  | "assigneeId"
  | "proposal"
  | "toAgencyId"
  | "consultationId"
  | "newDueDate"
  | "method"
  | "trackingNumber"
  | "otherDocuments";
export const staffFields: readonly StaffField[] = [
  "comment",
  "assigneeId",
  "proposal",
  "toAgencyId",
  "consultationId",
  "newDueDate",
  "method",
  "trackingNumber",
  "otherDocuments",
];

/**
 * The pseudo-field a problem with the whole post (a conflict, a refused transition) is linked to in
 * the error summary: the heading of the page's actions, there whatever forms the fresh page offers.
 */
export const actionsField = "title";

/** The id of a field in one action's form; unique on the page so the error summary can link to it. */
export function fieldId(action: StaffFormAction, field: string): string {
  return `${action}-${field}`;
}

/** What was typed in the action's form, to put back after an error (fields the form did not post are left out). */
export function typedValues(formData: FormData): Record<string, string> {
  const values = textValues(
    formData,
    staffFields.filter((field) => formData.has(field)),
  );
  // The documents ticked in a request for more, one key per line.
  const keys = formData.getAll("documentKeys").filter((value): value is string => typeof value === "string");
  if (keys.length > 0) values.documentKeys = keys.join("\n");
  return values;
}

/**
 * Service issues (message keys per field) -> the form's own message per field, first message only.
 * Null when `keyFor` does not know a field: the issue is not about this form (a tampered post).
 */
function mapIssues(
  issues: Record<string, readonly string[] | undefined>,
  keyFor: (field: string, message: string) => string | null,
): Record<string, string[]> | null {
  const mapped: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(issues)) {
    const message = messages?.[0];
    if (!message) continue;
    const key = keyFor(field, message);
    if (key === null) return null;
    mapped[field] = [key];
  }
  return Object.keys(mapped).length > 0 ? mapped : null;
}

/**
 * Message keys of lib/dossiers ("forms" namespace, e.g. errors.commentRequired) -> a message that
 * says what this action needs ("Enter the reasons for refusing"), as the GOV.UK pattern asks.
 */
export function staffIssues(
  action: StaffFormAction,
  issues: Record<string, readonly string[] | undefined>,
): Record<string, string[]> | null {
  return mapIssues(issues, (field, message) => {
    if (field === "comment") {
      const specific = commentRequiredActions.has(action);
      return `staff:fieldErrors.${message === "errors.tooLong" ? "tooLong" : specific ? action : "comment"}`;
    }
    if (field === "assigneeId") return "staff:fieldErrors.assignee";
    if (field === "proposal") return "staff:fieldErrors.proposal";
    if (field === "toAgencyId") return "staff:fieldErrors.toAgency";
    if (field === "newDueDate") return "staff:fieldErrors.newDueDate";
    if (field === "method") return "staff:fieldErrors.method";
    if (field === "trackingNumber") return "staff:fieldErrors.tooLongShort";
    if (field === "documentKeys") return "staff:fieldErrors.documentUnknown";
    if (field === "otherDocuments")
      return message === "errors.tooManyDocuments"
        ? "staff:fieldErrors.tooManyDocuments"
        : "staff:fieldErrors.otherDocumentsTooLong";
    // A refused file says which and why (lib/dossiers attachments' messages).
    if (field === "files") return message;
    return null;
  });
}

export const publishFields = ["number", "issuedOn", "summaryVi", "summaryEn"] as const;
export type PublishField = (typeof publishFields)[number];

/** Issues of lib/decisions ("forms" message keys per field) -> what the publish form says about each field. */
export function publishIssues(
  issues: Record<string, readonly string[] | undefined>,
): Record<string, string[]> | null {
  return mapIssues(issues, (field, message) => {
    if (!(publishFields as readonly string[]).includes(field)) return null;
    const key = message.startsWith("errors.personalData.")
      ? message.slice("errors.".length)
      : message === "errors.tooLong"
        ? "tooLong"
        : message === "errors.dateInFuture"
          ? "issuedOnFuture"
          : field;
    return `staff:publish.fieldErrors.${key}`;
  });
}
