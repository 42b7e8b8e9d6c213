"use server";

import { redirect } from "next/navigation";
import {
  addField,
  addPage,
  deleteField,
  deletePage,
  fieldInputs,
  moveField,
  movePage,
  pageInputs,
  updateField,
  updatePage,
  type BuildResult,
} from "@/lib/catalog/formBuilder";
import { contentFromInput, contentInputs } from "@/lib/catalog/versionSchema";
import {
  discardDraft,
  publishDraft,
  startDraftVersion,
  updateDraftForm,
  getVersionState,
  updateDraftVersion,
  setCommitteeDecision,
  type VersionRow,
} from "@/lib/catalog/versions";
import { validateAnswers } from "@/lib/forms/schema";
import { procedureChanged } from "@/lib/cache/public";
import { formText } from "@/lib/forms/formText";
import { getActor } from "@/lib/identity/actor";
import { isLang } from "@/lib/i18n/settings";
import type { FormDefinition, FormField } from "@/lib/forms/types";
import type { PreviewState } from "@/components/admin/FormPreview.client";
import { textValues } from "@/components/forms/formState";
import { formHeading, type AdminFormState } from "@/components/admin/adminForms";

/*
 * The procedure editor's and the form builder's posts. Each is a plain form post (works without
 * JavaScript): on success a redirect back to the page with an anchor where the change is, on a
 * problem the form again with what was typed and the messages (admin:procedures.errors).
 */

const errorKey = (key: string) => (key.includes(":") ? key : `admin:procedures.errors.${key}`);
const base = (lang: string, code: string) =>
  `/${isLang(lang) ? lang : "vi"}/admin/procedures/${encodeURIComponent(code)}`;

function withKeys(issues: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(issues).map(([input, keys]) => [input, keys.map(errorKey)]));
}

function stateOf(values: Record<string, string>, issues: Record<string, string[]>): AdminFormState {
  const { _: whole, ...rest } = issues;
  return {
    values,
    issues: withKeys(rest),
    ...(whole?.length ? { formError: errorKey(whole[0]!), formErrorField: formHeading } : {}),
  };
}

const failed = (values: Record<string, string>, key: string): AdminFormState => ({
  values,
  issues: {},
  formError: errorKey(key),
  formErrorField: formHeading,
});

/** Opens (or reopens) the procedure's draft version. */
export async function startDraftAction(lang: string, code: string, to: "" | "/form" = ""): Promise<void> {
  const result = await startDraftVersion(await getActor(), code);
  redirect(`${base(lang, code)}${to}${result.ok ? "?done=draftStarted" : `?error=${result.error}`}`);
}

export async function saveContentAction(
  lang: string,
  code: string,
  _previous: AdminFormState,
  data: FormData,
): Promise<AdminFormState> {
  const values = textValues(data, contentInputs);
  const actor = await getActor();
  const draft = await startDraftVersion(actor, code);
  if (!draft.ok) return failed(values, draft.error);
  const parsed = contentFromInput(values, draft.value);
  if (!parsed.ok) return stateOf(values, parsed.issues);
  const saved = await updateDraftVersion(actor, code, parsed.content);
  if (!saved.ok) {
    if (saved.issues?.documents) return stateOf(values, { documents: saved.issues.documents });
    return failed(values, saved.error === "invalid_input" ? "invalid" : saved.error);
  }
  redirect(`${base(lang, code)}?done=contentSaved#content-form-title`);
}

export async function publishAction(
  lang: string,
  code: string,
  _previous: AdminFormState,
  data: FormData,
): Promise<AdminFormState> {
  const values = textValues(data, ["changeNote"]);
  let result: Awaited<ReturnType<typeof publishDraft>>;
  try {
    result = await publishDraft(await getActor(), code, values.changeNote ?? "");
  } catch (error) {
    console.error("publishing a procedure version failed", error);
    return failed(values, "failed");
  }
  if (!result.ok) {
    if (result.issues?.changeNote) return stateOf(values, { changeNote: result.issues.changeNote });
    if (result.issues?.form) return failed(values, "formHasProblems");
    return failed(values, result.error);
  }
  // The procedure page and the catalogue are cached: they show the new version at once.
  procedureChanged(code);
  redirect(`${base(lang, code)}?done=published&version=${result.value.version}`);
}

export async function discardAction(lang: string, code: string): Promise<void> {
  const result = await discardDraft(await getActor(), code);
  redirect(`${base(lang, code)}${result.ok ? "?done=discarded" : `?error=${result.error}`}`);
}

/** Applies one builder edit to the draft's form and saves it; the draft is opened if needed. */
async function applyEdit(
  code: string,
  edit: string,
  build: (form: FormDefinition, draft: VersionRow) => BuildResult,
): Promise<{ ok: true } | { ok: false; issues: Record<string, string[]> }> {
  const actor = await getActor();
  const draft = await startDraftVersion(actor, code);
  if (!draft.ok) return { ok: false, issues: { _: [draft.error] } };
  const built = build(draft.value.form, draft.value);
  if (!built.ok) return built;
  const saved = await updateDraftForm(actor, code, built.form, edit);
  if (!saved.ok)
    return { ok: false, issues: { _: [saved.error === "invalid_input" ? "formHasProblems" : saved.error] } };
  return { ok: true };
}

const anchorId = (text: string) => text.replace(/[^a-zA-Z0-9_-]/g, "-");

/** Adds a page (pageId null) or changes one. */
export async function savePageAction(
  lang: string,
  code: string,
  pageId: string | null,
  _previous: AdminFormState,
  data: FormData,
): Promise<AdminFormState> {
  const values = textValues(data, pageInputs);
  const done = await applyEdit(code, pageId ? "page.updated" : "page.added", (form, draft) =>
    pageId ? updatePage(form, pageId, values, draft.documents) : addPage(form, values, draft.documents),
  );
  if (!done.ok) return stateOf(values, done.issues);
  redirect(
    `${base(lang, code)}/form?done=${pageId ? "pageSaved" : "pageAdded"}#page-${anchorId(values.id ?? "")}`,
  );
}

/** Adds a field to a page or a group (name null) or changes one. */
export async function saveFieldAction(
  lang: string,
  code: string,
  where: { pageId: string; group: string | null; name: string | null },
  _previous: AdminFormState,
  data: FormData,
): Promise<AdminFormState> {
  const values = textValues(data, fieldInputs);
  const { pageId, group, name } = where;
  const done = await applyEdit(code, name ? "field.updated" : "field.added", (form, draft) =>
    name
      ? updateField(form, { pageId, group, name }, values, draft.documents)
      : addField(form, { pageId, group }, values, draft.documents),
  );
  if (!done.ok) return stateOf(values, done.issues);
  const anchor = `field-${anchorId(pageId)}-${group ? `${anchorId(group)}-` : ""}${anchorId(values.name ?? "")}`;
  redirect(`${base(lang, code)}/form?done=${name ? "fieldSaved" : "fieldAdded"}#${anchor}`);
}

/**
 * Move up, Move down and Delete, for pages and fields: small forms of hidden inputs and one button.
 * A refusal comes back as ?error= and shows in the builder's summary.
 */
export async function builderButtonAction(lang: string, code: string, data: FormData): Promise<void> {
  const op = formText(data, "op");
  const pageId = formText(data, "page");
  const group = formText(data, "group") || null;
  const name = formText(data, "name");
  const ref = { pageId, group, name };
  const done = await applyEdit(code, op, (form, draft) => {
    switch (op) {
      case "page.up":
      case "page.down":
        return movePage(form, pageId, op === "page.up" ? -1 : 1, draft.documents);
      case "page.delete":
        return deletePage(form, pageId);
      case "field.up":
      case "field.down":
        return moveField(form, ref, op === "field.up" ? -1 : 1, draft.documents);
      case "field.delete":
        return deleteField(form, ref);
      default:
        return { ok: false, issues: { _: ["invalid"] } };
    }
  });
  const anchor = op.startsWith("page.")
    ? op === "page.delete"
      ? "pages"
      : `page-${anchorId(pageId)}`
    : op === "field.delete"
      ? `page-${anchorId(pageId)}`
      : `field-${anchorId(pageId)}-${group ? `${anchorId(group)}-` : ""}${anchorId(name)}`;
  if (!done.ok) {
    const key = Object.values(done.issues).flat()[0] ?? "invalid";
    redirect(`${base(lang, code)}/form?error=${encodeURIComponent(key)}#builder-errors`);
  }
  redirect(`${base(lang, code)}/form?done=${encodeURIComponent(op.replace(".", "_"))}#${anchor}`);
}

/** What was typed on a previewed page, as the answers the applicant's checks take. */
function previewAnswers(
  fields: readonly FormField[],
  data: FormData,
  prefix: string,
  echo: Record<string, string | string[]>,
): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const field of fields) {
    const path = `${prefix}${field.name}`;
    if (field.type === "document") continue;
    if (field.type === "checkboxes") {
      const ticked = data.getAll(path).filter((v): v is string => typeof v === "string");
      echo[path] = ticked;
      answers[field.name] = ticked;
    } else if (field.type === "date") {
      const [day, month, year] = ["day", "month", "year"].map((part) => {
        const typed = formText(data, `${path}.${part}`);
        echo[`${path}.${part}`] = typed;
        return typed;
      });
      answers[field.name] =
        day || month || year
          ? /^\d{4}$/.test(year!) && /^\d{1,2}$/.test(month!) && /^\d{1,2}$/.test(day!)
            ? `${year}-${month!.padStart(2, "0")}-${day!.padStart(2, "0")}`
            : `${year}-${month}-${day}`
          : "";
    } else if (field.type === "address") {
      const address: Record<string, string> = {};
      for (const part of ["province", "commune", "street"]) {
        address[part] = formText(data, `${path}.${part}`);
        echo[`${path}.${part}`] = address[part]!;
      }
      answers[field.name] = Object.values(address).some(Boolean) ? address : "";
    } else if (field.type === "group") {
      answers[field.name] = [previewAnswers(field.fields ?? [], data, `${path}[0].`, echo)];
    } else {
      const typed = formText(data, path);
      echo[path] = typed;
      answers[field.name] = typed;
    }
  }
  return answers;
}

/**
 * Checks a previewed page with the applicant's checks (nothing is saved). A field whose condition
 * looks at this page and does not hold is not asked, so not checked; one that looks at an earlier
 * page is checked as if shown.
 */
export async function previewAction(
  _lang: string,
  code: string,
  pageId: string,
  _previous: PreviewState,
  data: FormData,
): Promise<PreviewState> {
  const state = await getVersionState(await getActor(), code);
  const page = state.ok ? state.value.draft?.form.pages.find((p) => p.id === pageId) : undefined;
  if (!page) return { values: {}, issues: {}, checked: false };
  const values: Record<string, string | string[]> = {};
  const answers = previewAnswers(page.fields, data, "", values);
  const shown = page.fields.filter((field) => {
    if (!field.showIf || !(field.showIf.field in answers)) return true;
    const answer = answers[field.showIf.field];
    const given = Array.isArray(answer) ? answer : [answer];
    return given.some((value) => typeof value === "string" && field.showIf!.in.includes(value));
  });
  const result = validateAnswers(
    {
      pages: [
        { ...page, showIf: undefined, fields: shown.map((field) => ({ ...field, showIf: undefined })) },
      ],
    },
    answers,
  );
  return { values, issues: result.ok ? {} : result.issues, checked: true };
}

/** Whether the procedure needs the committee's (collective) decision: a checkbox, applied at once. */
export async function saveCommitteeAction(lang: string, code: string, data: FormData): Promise<void> {
  const result = await setCommitteeDecision(
    await getActor(),
    code,
    data.get("needsCommitteeDecision") === "yes",
  );
  if (result.ok) procedureChanged(code);
  redirect(
    `${base(lang, code)}${result.ok ? "?done=committeeSaved#committee-title" : `?error=${result.error}`}`,
  );
}
