import type { DossierAction, DossierError } from "@/lib/dossiers/types";
import { formText } from "@/lib/forms/formText";

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
] as const satisfies readonly DossierAction[];
export type StaffFormAction = (typeof staffFormActions)[number];

export function isStaffFormAction(value: unknown): value is StaffFormAction {
  return typeof value === "string" && (staffFormActions as readonly string[]).includes(value);
}

/** Destructive or final for the applicant: these use the warning button. */
export const warningActions: ReadonlySet<StaffFormAction> = new Set(["refuse", "deny", "stop"]);

export type StaffField = "comment" | "assigneeId" | "proposal";

/** What the form shows after a failed post: the message, errors per field, and what was typed. */
export type StaffActionState = {
  action?: StaffFormAction;
  /** a key in the "staff" namespace (errors.<error>) shown above the page */
  error?: DossierError | "invalid_request" | "failed";
  /** keys in the "staff" namespace (fieldErrors.*) */
  fieldErrors?: Partial<Record<StaffField, string>>;
  values?: Partial<Record<StaffField, string>>;
};

export const emptyStaffActionState: StaffActionState = {};

/** The id of a field in one action's form; unique on the page so the error summary can link to it. */
export function fieldId(action: StaffFormAction, field: StaffField): string {
  return `${action}-${field}`;
}

const fields: readonly StaffField[] = ["comment", "assigneeId", "proposal"];

/** What was typed, to put back in the form after an error. */
export function typedValues(formData: FormData): Partial<Record<StaffField, string>> {
  const values: Partial<Record<StaffField, string>> = {};
  for (const field of fields) {
    if (formData.has(field)) values[field] = formText(formData, field);
  }
  return values;
}

/**
 * zod messages (keys in the "forms" namespace, e.g. errors.commentRequired) -> a message that says
 * what this action needs ("Enter the reasons for refusing"), as the GOV.UK pattern asks.
 */
export function fieldErrorKey(
  action: StaffFormAction,
  field: string,
  message: string,
): [StaffField, string] | null {
  if (field === "comment") {
    if (message === "errors.tooLong") return ["comment", "fieldErrors.tooLong"];
    const specific = ["request_supplement", "refuse", "propose", "deny", "stop"].includes(action);
    return ["comment", specific ? `fieldErrors.${action}` : "fieldErrors.comment"];
  }
  if (field === "assigneeId") return ["assigneeId", "fieldErrors.assignee"];
  if (field === "proposal") return ["proposal", "fieldErrors.proposal"];
  return null;
}

/** Field errors from a list of issues ({ path, message }), first message per field. */
export function fieldErrorsFrom(
  action: StaffFormAction,
  issues: { path: readonly PropertyKey[]; message: string }[],
): Partial<Record<StaffField, string>> | null {
  const errors: Partial<Record<StaffField, string>> = {};
  for (const issue of issues) {
    const mapped = fieldErrorKey(action, String(issue.path[0] ?? ""), issue.message);
    if (!mapped) return null;
    errors[mapped[0]] ??= mapped[1];
  }
  return Object.keys(errors).length > 0 ? errors : null;
}

export type PublishField = "number" | "issuedOn" | "summaryVi" | "summaryEn";
export const publishFields: readonly PublishField[] = ["number", "issuedOn", "summaryVi", "summaryEn"];

export type PublishState = {
  /** a key in the "staff" namespace (publish.errors.<error>) */
  error?:
    | "not_found"
    | "forbidden"
    | "not_decided"
    | "already_published"
    | "conflict"
    | "invalid_request"
    | "failed";
  /** keys in the "staff" namespace (publish.fieldErrors.*) */
  fieldErrors?: Partial<Record<PublishField, string>>;
  values?: Partial<Record<PublishField, string>>;
};

/** Issues of lib/decisions (field -> "forms" message keys) -> what this form says about each field. */
export function publishFieldErrors(
  issues: Record<string, string[] | undefined>,
): Partial<Record<PublishField, string>> | null {
  const errors: Partial<Record<PublishField, string>> = {};
  for (const [field, messages] of Object.entries(issues)) {
    const message = messages?.[0];
    if (!message || !(publishFields as readonly string[]).includes(field)) return null;
    const key = field as PublishField;
    errors[key] = message.startsWith("errors.personalData.")
      ? `publish.fieldErrors.${message.slice("errors.".length)}`
      : message === "errors.tooLong"
        ? "publish.fieldErrors.tooLong"
        : message === "errors.dateInFuture"
          ? "publish.fieldErrors.issuedOnFuture"
          : `publish.fieldErrors.${key}`;
  }
  return Object.keys(errors).length > 0 ? errors : null;
}
