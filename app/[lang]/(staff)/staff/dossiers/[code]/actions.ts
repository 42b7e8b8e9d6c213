"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { staffActionSchema } from "@/lib/dossiers/schema";
import { performStaffAction } from "@/lib/dossiers/service";
import { getActor } from "@/lib/identity/actor";
import { isLang } from "@/lib/i18n/settings";
import { publishDecision } from "@/lib/decisions/service";
import { recordDeskPayment, requestPayment } from "@/lib/payments/service";
import { decisionPublished } from "@/lib/cache/public";
import type { PublishDecisionInput } from "@/lib/decisions/schema";
import { cleanText, formText } from "@/lib/forms/formText";
import { textValues, type FormState } from "@/components/forms/formState";
import {
  actionsField,
  fileActions,
  isStaffFormAction,
  staffFields,
  publishFields,
  publishIssues,
  staffIssues,
  typedValues,
} from "@/components/staff/staffForms";
import { issuesOf } from "@/lib/result";

/** A problem with the whole post: shown in the error summary, linked to the heading of the forms it came from. */
function pageError(key: string, values: Record<string, string>, form?: string): FormState {
  return { ...(form ? { form } : {}), values, issues: {}, formError: key, formErrorField: actionsField };
}

/**
 * The one server action behind every staff form on the dossier page. Parses the post again with the
 * shared schema, lets the service decide, and on success goes back to the page with a notice
 * (a redirect, so reloading does not post twice). Failures come back as the form's state (`form`
 * names the action whose form shows it) with what was typed.
 */
export async function staffAction(
  lang: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const action = formData.get("action");
  if (!isStaffFormAction(action)) return pageError("staff:errors.invalid_request", {});
  const values = typedValues(formData);
  const failed = (error: string) => pageError(`staff:errors.${error}`, values, action);
  const input: Record<string, unknown> = { action };
  for (const key of ["code", "version", ...staffFields]) {
    if (formData.has(key)) input[key] = formText(formData, key);
  }
  if (action === "request_supplement") {
    input.documentKeys = formData.getAll("documentKeys").filter((value) => typeof value === "string");
  }
  // The result's way back decides which of its fields count: a tracking number only by post.
  if (action === "return_result" && input.method !== "post") delete input.trackingNumber;
  const parsed = staffActionSchema.safeParse(input);
  if (!parsed.success) {
    const issues = staffIssues(action, issuesOf(parsed.error));
    return issues ? { form: action, values, issues } : failed("invalid_request");
  }

  const actor = await getActor();
  if (actor.kind !== "staff") return failed("forbidden");

  const files = [];
  if (fileActions.has(action)) {
    for (const value of formData.getAll("files")) {
      // An empty file input posts one nameless, empty file: nothing was chosen.
      if (!(value instanceof File) || (value.size === 0 && value.name === "")) continue;
      files.push({ fileName: value.name, bytes: new Uint8Array(await value.arrayBuffer()) });
    }
  }
  // Only an e-result returned online is a file of the result.
  if (
    action === "return_result" &&
    parsed.data.action === "return_result" &&
    parsed.data.method !== "online"
  ) {
    files.length = 0;
  }

  let result: Awaited<ReturnType<typeof performStaffAction>>;
  try {
    result = await performStaffAction(actor, parsed.data, files);
  } catch (error) {
    console.error("staff action failed", error);
    return failed("failed");
  }

  if (result.ok) {
    const code = encodeURIComponent(parsed.data.code);
    redirect(`/${isLang(lang) ? lang : "vi"}/staff/dossiers/${code}?done=${action}`);
  }

  switch (result.error) {
    case "invalid_input": {
      const issues = staffIssues(action, result.issues ?? {});
      return issues ? { form: action, values, issues } : failed("invalid_request");
    }
    case "assignee_invalid":
      return { form: action, values, issues: { assigneeId: ["staff:fieldErrors.assigneeInvalid"] } };
    case "agency_invalid":
      return { form: action, values, issues: { toAgencyId: ["staff:fieldErrors.toAgencyInvalid"] } };
    case "tracking_required":
      return { form: action, values, issues: { trackingNumber: ["staff:fieldErrors.trackingRequired"] } };
    case "result_file_required":
      return { form: action, values, issues: { files: ["staff:fieldErrors.resultFileRequired"] } };
    case "delay_date_invalid":
      // The officer's date; for the head, the clock has since passed the date proposed.
      if (action === "propose_delay") {
        return { form: action, values, issues: { newDueDate: ["staff:fieldErrors.newDueDateInvalid"] } };
      }
      refresh();
      return failed(result.error);
    default:
      // The dossier moved on (or was never ours to change): show the latest version with the message.
      refresh();
      return failed(result.error);
  }
}

/** A head publishes the decision of a decided dossier in the public register. */
export async function publishDecisionAction(
  lang: string,
  dossierCode: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const values = textValues(
    formData,
    publishFields.filter((field) => formData.has(field)),
  );
  const failed = (error: string) => pageError(`staff:publish.errors.${error}`, values);
  const actor = await getActor();
  if (actor.kind !== "staff") return failed("forbidden");

  let result: Awaited<ReturnType<typeof publishDecision>>;
  try {
    // The code is bound in the page, but a crafted post can change it like any other field.
    result = await publishDecision(actor, {
      dossierCode: cleanText(dossierCode),
      ...values,
      // The version the form was shown with: a dossier changed since then is a conflict.
      ...(formData.has("version") ? { version: formText(formData, "version") } : {}),
    } as PublishDecisionInput);
  } catch (error) {
    console.error("publishing a decision failed", error);
    return failed("failed");
  }
  if (result.ok) {
    decisionPublished();
    redirect(`/${isLang(lang) ? lang : "vi"}/staff/dossiers/${encodeURIComponent(dossierCode)}?done=publish`);
  }
  if (result.error === "invalid_input") {
    const issues = publishIssues(result.issues ?? {});
    return issues ? { values, issues } : failed("invalid_request");
  }
  if (result.error === "conflict") refresh();
  return failed(result.error);
}

/** The payment forms' problems: a field's message, or one for the whole form linked to its heading. */
function paymentFailure(
  values: Record<string, string>,
  result: { error: string; issues?: Record<string, string[]> },
  fields: readonly string[],
): FormState {
  const issues = Object.fromEntries(
    Object.entries(result.issues ?? {}).filter(([field]) => fields.includes(field)),
  );
  if (result.error === "invalid_input" && Object.keys(issues).length > 0) return { values, issues };
  const known = [
    "conflict",
    "forbidden",
    "invalid_transition",
    "not_found",
    "payment_not_open",
    "amount_invalid",
    "receipt_required",
  ];
  const key = known.includes(result.error) ? result.error : "invalid_request";
  return { values, issues: {}, formError: `payments:errors.${key}`, formErrorField: "_form" };
}

/** Errors after which the form may no longer be on the page: the dossier moved on. */
const movedOn = new Set(["conflict", "invalid_transition", "payment_not_open"]);

/**
 * The dossier moved on (a stale page, a second officer): its latest version, with the message at the
 * top. A redirect, not the form's state: the fresh page may no longer have the form to show it in.
 */
function showLatest(lang: string, code: string, error: string): never {
  redirect(`/${isLang(lang) ? lang : "vi"}/staff/dossiers/${encodeURIComponent(code)}?paymentError=${error}`);
}

const paymentDone = (lang: string, code: string, done: "payment_request" | "payment_desk") =>
  redirect(`/${isLang(lang) ? lang : "vi"}/staff/dossiers/${encodeURIComponent(code)}?done=${done}`);

/** The holder of an in-progress dossier asks the applicant for the fee (lib/payments). */
export async function requestPaymentAction(
  lang: string,
  dossierCode: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const fields = ["amountVnd", "legalBasis"] as const;
  const values = textValues(formData, fields);
  const actor = await getActor();
  if (actor.kind !== "staff") return paymentFailure(values, { error: "forbidden" }, fields);
  let result: Awaited<ReturnType<typeof requestPayment>>;
  try {
    result = await requestPayment(actor, {
      code: cleanText(dossierCode),
      version: formText(formData, "version"),
      amountVnd: values.amountVnd ?? "",
      legalBasis: values.legalBasis ?? "",
    });
  } catch (error) {
    console.error("requesting a payment failed", error);
    return { values, issues: {}, formError: "payments:errors.failed", formErrorField: "_form" };
  }
  if (result.ok) paymentDone(lang, dossierCode, "payment_request");
  else if (movedOn.has(result.error)) showLatest(lang, dossierCode, result.error);
  return paymentFailure(values, result as { error: string; issues?: Record<string, string[]> }, fields);
}

/** An officer records a fee paid at the desk, with the receipt's number (lib/payments). */
export async function recordDeskPaymentAction(
  lang: string,
  dossierCode: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const fields = ["receiptNumber"] as const;
  const values = textValues(formData, fields);
  const actor = await getActor();
  if (actor.kind !== "staff") return paymentFailure(values, { error: "forbidden" }, fields);
  let result: Awaited<ReturnType<typeof recordDeskPayment>>;
  try {
    result = await recordDeskPayment(actor, {
      code: cleanText(dossierCode),
      version: formText(formData, "version"),
      paymentId: formText(formData, "paymentId"),
      receiptNumber: values.receiptNumber ?? "",
    });
  } catch (error) {
    console.error("recording a desk payment failed", error);
    return { values, issues: {}, formError: "payments:errors.failed", formErrorField: "_form" };
  }
  if (result.ok) paymentDone(lang, dossierCode, "payment_desk");
  else if (movedOn.has(result.error)) showLatest(lang, dossierCode, result.error);
  return paymentFailure(values, result as { error: string; issues?: Record<string, string[]> }, fields);
}
