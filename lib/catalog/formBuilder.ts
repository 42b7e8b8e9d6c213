/**
 * The form builder's edits (pure): each takes a form definition and gives the next one, or the
 * problems that stop it (message keys per posted input name, in admin:procedures.errors). The admin
 * pages post one edit at a time; lib/catalog/versions.ts saves the result in the draft version.
 */
import { conditionsOn, formProblems, type FormProblem } from "./formRules";
import type { RequiredDocument } from "./types";
import {
  fieldTypes,
  type Condition,
  type FieldType,
  type FormDefinition,
  type FormField,
  type FormPage,
  type LocalisedText,
} from "@/lib/forms/types";

export type Posted = Record<string, string>;
export type BuildResult =
  { ok: true; form: FormDefinition } | { ok: false; issues: Record<string, string[]> };

/** Where a field is: its page, the group holding it (null: the page itself), its name. */
export type FieldRef = { pageId: string; group: string | null; name: string };

export const pageInputs = [
  "id",
  "titleVi",
  "titleEn",
  "hintVi",
  "hintEn",
  "showIfField",
  "showIfValues",
] as const;
export const fieldInputs = [
  "name",
  "type",
  "labelVi",
  "labelEn",
  "hintVi",
  "hintEn",
  "required",
  "options",
  "minLength",
  "maxLength",
  "min",
  "max",
  "notInFuture",
  "mobileOnly",
  "showIfField",
  "showIfValues",
  "documentKey",
  "itemLabelVi",
  "itemLabelEn",
  "minItems",
  "maxItems",
] as const;

const fail = (issues: Record<string, string[]>): BuildResult => ({ ok: false, issues });
const add = (issues: Record<string, string[]>, input: string, key: string) => {
  const list = (issues[input] ??= []);
  if (!list.includes(key)) list.push(key);
};

function text(vi: string | undefined, en: string | undefined): LocalisedText | undefined {
  const v = (vi ?? "").trim();
  const e = (en ?? "").trim();
  return v || e ? { vi: v, en: e } : undefined;
}

function wholeNumber(
  values: Posted,
  input: string,
  issues: Record<string, string[]>,
  allowNegative = false,
): number | undefined {
  const raw = (values[input] ?? "").trim().replace(/[.\s]/g, "");
  if (!raw) return undefined;
  if (!(allowNegative ? /^-?\d{1,15}$/ : /^\d{1,15}$/).test(raw)) {
    add(issues, input, "numberFormat");
    return undefined;
  }
  return Number(raw);
}

/** "a, b" -> ["a", "b"] */
function valueList(raw: string | undefined): string[] {
  return (raw ?? "")
    .split(",")
    .map((value) => value.trim())
    .filter(Boolean);
}

function condition(values: Posted): Condition | undefined {
  const field = (values.showIfField ?? "").trim();
  return field ? { field, in: valueList(values.showIfValues) } : undefined;
}

/** Options as the builder writes them: one per line, "value | nhãn tiếng Việt | English label". */
export function optionsText(field: Pick<FormField, "options">): string {
  return (field.options ?? []).map((o) => `${o.value} | ${o.label.vi} | ${o.label.en}`).join("\n");
}

function parseOptions(raw: string, issues: Record<string, string[]>): FormField["options"] {
  const options: NonNullable<FormField["options"]> = [];
  for (const line of raw.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const parts = line.split("|").map((part) => part.trim());
    if (parts.length !== 3 || parts.some((part) => !part)) {
      add(issues, "options", "optionLine");
      continue;
    }
    options.push({ value: parts[0]!, label: { vi: parts[1]!, en: parts[2]! } });
  }
  return options;
}

/** The posted page form as a page (its fields kept from `existing`). */
export function pageFromInput(
  values: Posted,
  existing?: FormPage,
): { page: FormPage; issues: Record<string, string[]> } {
  const issues: Record<string, string[]> = {};
  const page: FormPage = {
    id: (values.id ?? "").trim(),
    title: text(values.titleVi, values.titleEn) ?? { vi: "", en: "" },
    fields: existing?.fields ?? [],
  };
  const hint = text(values.hintVi, values.hintEn);
  if (hint) page.hint = hint;
  if (existing?.section) page.section = existing.section;
  const showIf = condition(values);
  if (showIf) page.showIf = showIf;
  return { page, issues };
}

/** The posted field form as a field (a group keeps its children, and prefill and messages stay). */
export function fieldFromInput(
  values: Posted,
  existing?: FormField,
): { field: FormField; issues: Record<string, string[]> } {
  const issues: Record<string, string[]> = {};
  const type = (values.type ?? "") as FieldType;
  if (!fieldTypes.includes(type)) add(issues, "type", "typeMissing");
  const field: FormField = {
    name: (values.name ?? "").trim(),
    type: fieldTypes.includes(type) ? type : "text",
    label: text(values.labelVi, values.labelEn) ?? { vi: "", en: "" },
    required: values.required === "yes",
  };
  const hint = text(values.hintVi, values.hintEn);
  if (hint) field.hint = hint;
  const showIf = condition(values);
  if (showIf) field.showIf = showIf;
  if (existing?.prefill) field.prefill = existing.prefill;
  if (existing?.messages) field.messages = existing.messages;
  if (existing?.personal && (field.type === "text" || field.type === "textarea"))
    field.personal = existing.personal;
  if (["select", "radio", "checkboxes"].includes(field.type))
    field.options = parseOptions(values.options ?? "", issues);
  if (field.type === "text" || field.type === "textarea") {
    const minLength = wholeNumber(values, "minLength", issues);
    const maxLength = wholeNumber(values, "maxLength", issues);
    if (minLength !== undefined) field.minLength = minLength;
    if (maxLength !== undefined) field.maxLength = maxLength;
  }
  if (field.type === "number" || field.type === "money") {
    const min = wholeNumber(values, "min", issues, true);
    const max = wholeNumber(values, "max", issues, true);
    if (min !== undefined) field.min = min;
    if (max !== undefined) field.max = max;
  }
  if (field.type === "date" && values.notInFuture === "yes") field.notInFuture = true;
  if (field.type === "tel" && values.mobileOnly === "yes") field.mobileOnly = true;
  if (field.type === "document") field.documentKey = (values.documentKey ?? "").trim();
  if (field.type === "group") {
    field.fields = existing?.type === "group" ? (existing.fields ?? []) : [];
    const itemLabel = text(values.itemLabelVi, values.itemLabelEn);
    if (itemLabel) field.itemLabel = itemLabel;
    const minItems = wholeNumber(values, "minItems", issues);
    const maxItems = wholeNumber(values, "maxItems", issues);
    if (minItems !== undefined) field.minItems = minItems;
    if (maxItems !== undefined) field.maxItems = maxItems;
  }
  return { field, issues };
}

/** The posted input a problem of the edited page or field belongs to. */
const inputOf: Record<string, string> = {
  id: "id",
  name: "name",
  title: "titleVi",
  label: "labelVi",
  hint: "hintVi",
  options: "options",
  showIf: "showIfField",
  documentKey: "documentKey",
  type: "type",
  fields: "type",
  itemLabel: "itemLabelVi",
  section: "id",
};

function limitsInput(field: FormField | undefined): string {
  if (field?.type === "group") return "minItems";
  if (field?.type === "number" || field?.type === "money") return "min";
  return "minLength";
}

const same = (a: FormProblem, b: FormProblem) =>
  a.page === b.page && a.field === b.field && a.prop === b.prop && a.key === b.key;

/**
 * Checks an edit: problems of the edited item go to its inputs; any other problem the edit brings
 * (a condition that no longer looks back, say) to the whole form ("_"). Problems that were there
 * before stay the administrator's to fix where they are.
 */
function checked(
  before: FormDefinition,
  after: FormDefinition,
  documents: readonly Pick<RequiredDocument, "key">[],
  edited: { page?: string; field?: string; value?: FormField },
  parsed: Record<string, string[]> = {},
): BuildResult {
  const issues: Record<string, string[]> = { ...parsed };
  const old = formProblems(before, documents);
  for (const problem of formProblems(after, documents)) {
    const mine =
      edited.page !== undefined &&
      problem.page === edited.page &&
      (edited.field === undefined ? problem.field === undefined : problem.field === edited.field);
    if (mine) {
      add(
        issues,
        problem.prop === "limits" ? limitsInput(edited.value) : (inputOf[problem.prop] ?? "_"),
        problem.key,
      );
    } else if (!old.some((o) => same(o, problem))) {
      add(issues, "_", problem.key);
    }
  }
  return Object.keys(issues).length > 0 ? fail(issues) : { ok: true, form: after };
}

function findPage(form: FormDefinition, pageId: string): number {
  return form.pages.findIndex((page) => page.id === pageId);
}

function move<T>(list: readonly T[], index: number, delta: -1 | 1): T[] | null {
  const target = index + delta;
  if (index < 0 || target < 0 || target >= list.length) return null;
  const copy = [...list];
  [copy[index], copy[target]] = [copy[target]!, copy[index]!];
  return copy;
}

/** Adds a page at the end (or after `afterId`). */
export function addPage(
  form: FormDefinition,
  values: Posted,
  documents: readonly Pick<RequiredDocument, "key">[],
): BuildResult {
  const { page, issues } = pageFromInput(values);
  const after: FormDefinition = { ...form, pages: [...form.pages, page] };
  if (form.pages.some((p) => p.id === page.id)) add(issues, "id", "pageIdTaken");
  return checked(form, after, documents, { page: page.id }, issues);
}

export function updatePage(
  form: FormDefinition,
  pageId: string,
  values: Posted,
  documents: readonly Pick<RequiredDocument, "key">[],
): BuildResult {
  const index = findPage(form, pageId);
  if (index < 0) return fail({ _: ["pageNotFound"] });
  const { page, issues } = pageFromInput(values, form.pages[index]);
  if (page.id !== pageId && form.pages.some((p) => p.id === page.id)) add(issues, "id", "pageIdTaken");
  const pages = [...form.pages];
  pages[index] = page;
  return checked(form, { ...form, pages }, documents, { page: page.id }, issues);
}

export function movePage(
  form: FormDefinition,
  pageId: string,
  delta: -1 | 1,
  documents: readonly Pick<RequiredDocument, "key">[],
): BuildResult {
  const pages = move(form.pages, findPage(form, pageId), delta);
  if (!pages) return fail({ _: ["cannotMove"] });
  return checked(form, { ...form, pages }, documents, {});
}

export function deletePage(form: FormDefinition, pageId: string): BuildResult {
  const index = findPage(form, pageId);
  if (index < 0) return fail({ _: ["pageNotFound"] });
  const page = form.pages[index]!;
  const gone = new Set(page.fields.map((field) => field.name));
  const users = page.fields
    .flatMap((field) => conditionsOn(form, field.name))
    .filter((user) => user !== page.id && !gone.has(user.split("/")[0]!));
  if (users.length > 0) return fail({ _: ["fieldUsedInCondition"] });
  return { ok: true, form: { ...form, pages: form.pages.filter((p) => p.id !== pageId) } };
}

/** The list a field lives in (a page's fields or a group's), with a way to put a new list back. */
function fieldList(
  form: FormDefinition,
  pageId: string,
  group: string | null,
): { fields: FormField[]; replace: (fields: FormField[]) => FormDefinition } | null {
  const index = findPage(form, pageId);
  if (index < 0) return null;
  const page = form.pages[index]!;
  const withPage = (fields: FormField[]): FormDefinition => {
    const pages = [...form.pages];
    pages[index] = { ...page, fields };
    return { ...form, pages };
  };
  if (group === null) return { fields: page.fields, replace: withPage };
  const groupIndex = page.fields.findIndex((field) => field.name === group && field.type === "group");
  if (groupIndex < 0) return null;
  const holder = page.fields[groupIndex]!;
  return {
    fields: holder.fields ?? [],
    replace: (fields) => {
      const top = [...page.fields];
      top[groupIndex] = { ...holder, fields };
      return withPage(top);
    },
  };
}

const fieldPath = (group: string | null, name: string) => (group ? `${group}/${name}` : name);

export function addField(
  form: FormDefinition,
  where: { pageId: string; group: string | null },
  values: Posted,
  documents: readonly Pick<RequiredDocument, "key">[],
): BuildResult {
  const list = fieldList(form, where.pageId, where.group);
  if (!list) return fail({ _: ["pageNotFound"] });
  const { field, issues } = fieldFromInput(values);
  return checked(
    form,
    list.replace([...list.fields, field]),
    documents,
    { page: where.pageId, field: fieldPath(where.group, field.name), value: field },
    issues,
  );
}

export function updateField(
  form: FormDefinition,
  ref: FieldRef,
  values: Posted,
  documents: readonly Pick<RequiredDocument, "key">[],
): BuildResult {
  const list = fieldList(form, ref.pageId, ref.group);
  const index = list ? list.fields.findIndex((field) => field.name === ref.name) : -1;
  if (!list || index < 0) return fail({ _: ["fieldNotFound"] });
  const { field, issues } = fieldFromInput(values, list.fields[index]);
  if (field.name !== ref.name) {
    if (ref.group === null && conditionsOn(form, ref.name).length > 0)
      add(issues, "name", "fieldUsedInCondition");
    if (list.fields.some((other) => other.name === field.name)) add(issues, "name", "fieldNameTaken");
  }
  const fields = [...list.fields];
  fields[index] = field;
  return checked(
    form,
    list.replace(fields),
    documents,
    { page: ref.pageId, field: fieldPath(ref.group, field.name), value: field },
    issues,
  );
}

export function moveField(
  form: FormDefinition,
  ref: FieldRef,
  delta: -1 | 1,
  documents: readonly Pick<RequiredDocument, "key">[],
): BuildResult {
  const list = fieldList(form, ref.pageId, ref.group);
  const fields = list
    ? move(
        list.fields,
        list.fields.findIndex((f) => f.name === ref.name),
        delta,
      )
    : null;
  if (!list || !fields) return fail({ _: ["cannotMove"] });
  return checked(form, list.replace(fields), documents, {});
}

export function deleteField(form: FormDefinition, ref: FieldRef): BuildResult {
  const list = fieldList(form, ref.pageId, ref.group);
  const field = list?.fields.find((f) => f.name === ref.name);
  if (!list || !field) return fail({ _: ["fieldNotFound"] });
  const users = ref.group
    ? (list.fields.filter((f) => f.showIf?.field === ref.name).map((f) => f.name) as string[])
    : conditionsOn(form, ref.name).filter((user) => !user.startsWith(`${ref.name}/`));
  if (users.length > 0) return fail({ _: ["fieldUsedInCondition"] });
  return { ok: true, form: list.replace(list.fields.filter((f) => f.name !== ref.name)) };
}

/** Finds a field by reference (for the edit form). */
export function findField(form: FormDefinition, ref: FieldRef): FormField | null {
  return fieldList(form, ref.pageId, ref.group)?.fields.find((field) => field.name === ref.name) ?? null;
}

/** The posted values that show a field in the edit form. */
export function fieldValues(field: FormField): Posted {
  const n = (value: number | undefined) => (value === undefined ? "" : String(value));
  return {
    name: field.name,
    type: field.type,
    labelVi: field.label.vi,
    labelEn: field.label.en,
    hintVi: field.hint?.vi ?? "",
    hintEn: field.hint?.en ?? "",
    required: field.required ? "yes" : "no",
    options: optionsText(field),
    minLength: n(field.minLength),
    maxLength: n(field.maxLength),
    min: n(field.min),
    max: n(field.max),
    notInFuture: field.notInFuture ? "yes" : "no",
    mobileOnly: field.mobileOnly ? "yes" : "no",
    showIfField: field.showIf?.field ?? "",
    showIfValues: field.showIf?.in.join(", ") ?? "",
    documentKey: field.documentKey ?? "",
    itemLabelVi: field.itemLabel?.vi ?? "",
    itemLabelEn: field.itemLabel?.en ?? "",
    minItems: n(field.minItems),
    maxItems: n(field.maxItems),
  };
}

export function pageValues(page: FormPage): Posted {
  return {
    id: page.id,
    titleVi: page.title.vi,
    titleEn: page.title.en,
    hintVi: page.hint?.vi ?? "",
    hintEn: page.hint?.en ?? "",
    showIfField: page.showIf?.field ?? "",
    showIfValues: page.showIf?.in.join(", ") ?? "",
  };
}
