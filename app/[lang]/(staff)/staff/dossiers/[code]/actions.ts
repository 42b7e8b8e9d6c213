"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { staffActionSchema } from "@/lib/dossiers/schema";
import { performStaffAction } from "@/lib/dossiers/service";
import { getActor } from "@/lib/identity/actor";
import { isLang } from "@/lib/i18n/settings";
import { publishDecision } from "@/lib/decisions/service";
import { decisionPublished } from "@/lib/cache/public";
import type { PublishDecisionInput } from "@/lib/decisions/schema";
import { cleanText, formText } from "@/lib/forms/formText";
import { textValues, type FormState } from "@/components/forms/formState";
import {
  actionsField,
  isStaffFormAction,
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
  for (const key of ["code", "version", "comment", "assigneeId", "proposal"]) {
    if (formData.has(key)) input[key] = formText(formData, key);
  }
  const parsed = staffActionSchema.safeParse(input);
  if (!parsed.success) {
    const issues = staffIssues(action, issuesOf(parsed.error));
    return issues ? { form: action, values, issues } : failed("invalid_request");
  }

  const actor = await getActor();
  if (actor.kind !== "staff") return failed("forbidden");

  let result: Awaited<ReturnType<typeof performStaffAction>>;
  try {
    result = await performStaffAction(actor, parsed.data);
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
