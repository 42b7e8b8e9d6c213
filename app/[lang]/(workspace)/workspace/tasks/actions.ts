"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { FormState } from "@/components/forms/formState";
import { textValues } from "@/components/forms/formState";
import { getActor } from "@/lib/identity/actor";
import { isLang } from "@/lib/i18n/settings";
import { deadlineOf, officerOf, rowIssues, taskRowNames, tasksFromRows } from "@/lib/tasks/formRows";
import { maxTasksPerPost, parseSource } from "@/lib/tasks/schema";
import {
  createTasksFromConclusion,
  getTask,
  postTaskReport,
  reassignTask,
  type UploadedDocument,
} from "@/lib/tasks/service";

/*
 * The tasks forms' server actions: each reads the post, calls the service with the actor (which
 * checks access and the input again) and answers with the values typed and the message keys, or
 * goes to the page that shows the result. Every form works without JavaScript.
 */

const langOf = (lang: string) => (isLang(lang) ? lang : "vi");
const taskPage = (lang: string, code: string) =>
  `/${langOf(lang)}/workspace/tasks/${encodeURIComponent(code)}`;

/** The service's issues by the form's field names ("tasks.0.title" → "title", "deadline.kind" → "deadline"). */
function fieldIssues(issues: Record<string, string[]> | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, list] of Object.entries(issues ?? {})) {
    let field = key.replace(/^tasks\.\d+\./, "");
    if (field === "deadline.kind" || field === "deadline._") field = "deadline";
    if (field === "tasks" || field === "_" || field === "version") field = "form";
    (out[field] ??= []).push(...list);
  }
  return out;
}

const failed = (values: Record<string, string>, key: string, field = "form"): FormState => ({
  values,
  issues: {},
  formError: `workspace:tasks.errors.${key}`,
  formErrorField: field,
});

/**
 * Gives tasks from a conclusion (the page's source), several in one post, then shows the conclusion
 * with its tasks. "Add another task" (intent=add) answers with what was typed and one more row; a
 * row left wholly empty is skipped when others are filled.
 */
export async function createTaskAction(
  lang: string,
  source: string,
  _previous: FormState,
  data: FormData,
): Promise<FormState> {
  const rows = Math.min(maxTasksPerPost, Math.max(1, Number(data.get("rows")) || 1));
  const values: Record<string, string> = { ...textValues(data, taskRowNames(rows)), rows: String(rows) };
  if (data.get("intent") === "add")
    return { values: { ...values, rows: String(Math.min(maxTasksPerPost, rows + 1)) }, issues: {} };
  const parsedSource = parseSource(source);
  if (!parsedSource) return failed(values, "notFound");
  const sent = tasksFromRows(values, rows);
  const result = await createTasksFromConclusion(await getActor(), {
    ...parsedSource,
    tasks: sent.map((entry) => entry.task),
  });
  if (result.ok)
    redirect(
      `/${langOf(lang)}/workspace/tasks/new?source=${encodeURIComponent(source)}&created=${encodeURIComponent(result.value.codes.join(", "))}`,
    );
  if (result.error === "invalid_input")
    return {
      values,
      issues: rowIssues(
        result.issues,
        sent.map((entry) => entry.row),
      ),
    };
  return failed(
    values,
    result.error === "no_conclusion"
      ? "noConclusion"
      : result.error === "not_found"
        ? "notFound"
        : result.error,
  );
}

/** A progress report with documents; the final one marks the task done. */
export async function reportAction(
  lang: string,
  code: string,
  _previous: FormState,
  data: FormData,
): Promise<FormState> {
  const values = textValues(data, ["version", "text", "documentsNote", "completes"]);
  const documents: UploadedDocument[] = [];
  for (const entry of data.getAll("documents")) {
    if (typeof entry === "string" || (entry.size === 0 && entry.name === "")) continue;
    documents.push({ fileName: entry.name, bytes: new Uint8Array(await entry.arrayBuffer()) });
  }
  const actor = await getActor();
  const result = await postTaskReport(
    actor,
    code,
    {
      version: values.version as never,
      text: values.text ?? "",
      completes: values.completes === "yes",
      documentsNote: values.documentsNote ?? "",
    },
    documents,
  );
  if (result.ok) redirect(`${taskPage(lang, code)}?done=${result.value.done ? "completed" : "reported"}`);
  if (result.error === "stale") {
    revalidatePath(taskPage(lang, code));
    const latest = await getTask(actor, code);
    return {
      ...failed(values, "stale"),
      values: { ...values, version: latest.ok ? String(latest.value.task.version) : (values.version ?? "") },
    };
  }
  if (result.error === "invalid_input") return { values, issues: fieldIssues(result.issues) };
  if (result.issues?.documents) return { values, issues: { documents: result.issues.documents } };
  return failed(values, result.error === "not_found" ? "notFound" : result.error);
}

/** Gives the task to another agency or officer, optionally with a new deadline. */
export async function reassignAction(
  lang: string,
  code: string,
  _previous: FormState,
  data: FormData,
): Promise<FormState> {
  const values = textValues(data, [
    "version",
    "ownerAgencyId",
    "ownerUserId",
    "deadlineKind",
    "deadlineDate",
    "deadlineDays",
    "reason",
  ]);
  const actor = await getActor();
  const result = await reassignTask(actor, code, {
    version: values.version as never,
    ownerAgencyId: values.ownerAgencyId ?? "",
    ownerUserId: officerOf(values.ownerUserId),
    deadline: deadlineOf(values),
    reason: values.reason ?? "",
  });
  if (result.ok) redirect(`${taskPage(lang, code)}?done=reassigned`);
  if (result.error === "stale") {
    revalidatePath(taskPage(lang, code));
    const latest = await getTask(actor, code);
    return {
      ...failed(values, "stale"),
      values: { ...values, version: latest.ok ? String(latest.value.task.version) : (values.version ?? "") },
    };
  }
  if (result.error === "invalid_input") return { values, issues: fieldIssues(result.issues) };
  return failed(values, result.error === "not_found" ? "notFound" : result.error);
}
