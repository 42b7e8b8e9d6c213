"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { staffActionSchema } from "@/lib/dossiers/schema";
import { performStaffAction } from "@/lib/dossiers/service";
import { getActor } from "@/lib/identity/actor";
import { isLang } from "@/lib/i18n/settings";
import { publishDecision } from "@/lib/decisions/service";
import type { PublishDecisionInput } from "@/lib/decisions/schema";
import { cleanText, formText } from "@/lib/forms/formText";
import {
  fieldErrorsFrom,
  isStaffFormAction,
  publishFieldErrors,
  publishFields,
  typedValues,
  type PublishState,
  type StaffActionState,
} from "@/components/staff/action-state";

/**
 * The one server action behind every staff form on the dossier page. Parses the post again with the
 * shared schema, lets the service decide, and on success goes back to the page with a notice
 * (a redirect, so reloading does not post twice). Failures come back as state with what was typed.
 */
export async function staffAction(
  lang: string,
  _previous: StaffActionState,
  formData: FormData,
): Promise<StaffActionState> {
  const action = formData.get("action");
  if (!isStaffFormAction(action)) return { error: "invalid_request" };
  const values = typedValues(formData);
  const input: Record<string, unknown> = { action };
  for (const key of ["code", "version", "comment", "assigneeId", "proposal"]) {
    if (formData.has(key)) input[key] = formText(formData, key);
  }
  const parsed = staffActionSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsFrom(action, parsed.error.issues);
    return fieldErrors ? { action, fieldErrors, values } : { action, error: "invalid_request", values };
  }

  const actor = await getActor();
  if (actor.kind !== "staff") return { action, error: "forbidden", values };

  let result: Awaited<ReturnType<typeof performStaffAction>>;
  try {
    result = await performStaffAction(actor, parsed.data);
  } catch (error) {
    console.error("staff action failed", error);
    return { action, error: "failed", values };
  }

  if (result.ok) {
    const code = encodeURIComponent(parsed.data.code);
    redirect(`/${isLang(lang) ? lang : "vi"}/staff/dossiers/${code}?done=${action}`);
  }

  switch (result.error) {
    case "invalid_input": {
      const issues = Object.entries(result.issues ?? {}).flatMap(([field, messages]) =>
        (messages ?? []).map((message) => ({ path: [field], message })),
      );
      const fieldErrors = fieldErrorsFrom(action, issues);
      return fieldErrors ? { action, fieldErrors, values } : { action, error: "invalid_request", values };
    }
    case "assignee_invalid":
      return { action, fieldErrors: { assigneeId: "fieldErrors.assigneeInvalid" }, values };
    default:
      // The dossier moved on (or was never ours to change): show the latest version with the message.
      refresh();
      return { action, error: result.error, values };
  }
}

/** A head publishes the decision of a decided dossier in the public register. */
export async function publishDecisionAction(
  lang: string,
  dossierCode: string,
  _previous: PublishState,
  formData: FormData,
): Promise<PublishState> {
  const values: PublishState["values"] = {};
  for (const field of publishFields) {
    if (formData.has(field)) values[field] = formText(formData, field);
  }
  const actor = await getActor();
  if (actor.kind !== "staff") return { error: "forbidden", values };

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
    return { error: "failed", values };
  }
  if (result.ok) {
    redirect(`/${isLang(lang) ? lang : "vi"}/staff/dossiers/${encodeURIComponent(dossierCode)}?done=publish`);
  }
  if (result.error === "invalid_input") {
    const fieldErrors = publishFieldErrors(result.issues ?? {});
    return fieldErrors ? { fieldErrors, values } : { error: "invalid_request", values };
  }
  if (result.error === "conflict") refresh();
  return { error: result.error, values };
}
