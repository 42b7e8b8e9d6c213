"use server";

import { redirect } from "next/navigation";
import { getActor } from "@/lib/identity/actor";
import { isLang } from "@/lib/i18n/settings";
import {
  answerOpinionForm,
  approveOpinionForm,
  confirmOpinionConclusion,
  createOpinionForm,
  draftOpinionConclusion,
  opinionFields,
  remindOpinionMembers,
  returnOpinionForm,
  submitOpinionForm,
  updateOpinionForm,
  withdrawOpinionForm,
} from "@/lib/meetings/opinions";
import { textValues, type FormState } from "@/components/forms/formState";
import { refusal } from "../_shared/workspace";

const langOf = (lang: string) => (isLang(lang) ? lang : "vi");
const formPage = (lang: string, id: string, done: string) =>
  `/${langOf(lang)}/workspace/opinions/${encodeURIComponent(id)}?done=${done}`;

function files(data: FormData, name: string): File[] {
  return data
    .getAll(name)
    .filter((entry): entry is File => typeof entry !== "string" && (entry.size > 0 || entry.name !== ""));
}

function uploads(data: FormData) {
  return {
    drafts: files(data, "drafts"),
    requestLetter: files(data, "requestLetter")[0] ?? null,
    description: String(data.get("fileDescription") ?? ""),
  };
}

/** A failure nobody caused (the database is down): said as such, what was typed kept. */
function failed(values: Record<string, string>, error: unknown): FormState {
  console.error("workspace action failed", error);
  return refusal({ error: "failed" }, values);
}

export async function createOpinionAction(
  lang: string,
  _state: FormState,
  data: FormData,
): Promise<FormState> {
  const values = textValues(data, [...opinionFields, "fileDescription"]);
  let id: string;
  try {
    const result = await createOpinionForm(await getActor(), values, uploads(data));
    if (!result.ok) return refusal(result, values);
    id = result.value.id;
  } catch (error) {
    return failed(values, error);
  }
  redirect(formPage(lang, id, "created"));
}

export async function updateOpinionAction(
  lang: string,
  formId: string,
  _state: FormState,
  data: FormData,
): Promise<FormState> {
  const values = textValues(data, [...opinionFields, "fileDescription"]);
  try {
    const result = await updateOpinionForm(
      await getActor(),
      formId,
      String(data.get("version") ?? ""),
      values,
      uploads(data),
    );
    if (!result.ok) return refusal(result, values);
  } catch (error) {
    return failed(values, error);
  }
  redirect(formPage(lang, formId, "saved"));
}

type Step = "submit" | "approve" | "return" | "remind" | "conclude" | "confirm" | "withdraw";

/** One step on the form's page (send, approve, return, remind, draft or confirm the conclusion). */
export async function opinionStepAction(
  lang: string,
  formId: string,
  step: Step,
  _state: FormState,
  data: FormData,
): Promise<FormState> {
  const values = textValues(data, ["reason", "conclusion"]);
  const version = String(data.get("version") ?? "");
  try {
    const actor = await getActor();
    const result =
      step === "submit"
        ? await submitOpinionForm(actor, formId, version)
        : step === "approve"
          ? await approveOpinionForm(actor, formId, version)
          : step === "return"
            ? await returnOpinionForm(actor, formId, version, values.reason ?? "")
            : step === "remind"
              ? await remindOpinionMembers(actor, formId, version)
              : step === "conclude"
                ? await draftOpinionConclusion(actor, formId, version, values.conclusion ?? "")
                : step === "withdraw"
                  ? await withdrawOpinionForm(actor, formId, version, values.reason ?? "")
                  : await confirmOpinionConclusion(actor, formId, version);
    if (!result.ok) return refusal(result, values);
  } catch (error) {
    return failed(values, error);
  }
  redirect(formPage(lang, formId, step));
}

export async function answerOpinionAction(
  lang: string,
  formId: string,
  _state: FormState,
  data: FormData,
): Promise<FormState> {
  const values = textValues(data, ["answer", "comment"]);
  try {
    const result = await answerOpinionForm(await getActor(), formId, {
      ...values,
      password: String(data.get("password") ?? ""),
    });
    if (!result.ok) return refusal(result, values);
  } catch (error) {
    return failed(values, error);
  }
  redirect(formPage(lang, formId, "answered"));
}
