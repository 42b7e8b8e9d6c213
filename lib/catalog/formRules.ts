/**
 * Checks of a form definition an administrator builds (pure): the builder refuses to save a draft
 * version whose form an applicant could not fill in. Each problem names where it is (page, field,
 * the property) and a message key in admin:procedures.errors.
 */
import type { RequiredDocument } from "./types";
import type { FormDefinition, FormField, FormPage, LocalisedText } from "@/lib/forms/types";

export type FormProblem = {
  /** The page's id (its index when the id itself is the problem and repeats). */
  page: string;
  /** The field's name, "group/child" for a group's child; absent for the page itself. */
  field?: string;
  /** What is wrong: id, name, title, label, hint, options, showIf, documentKey, limits, fields, section. */
  prop: string;
  /** Message key in admin:procedures.errors. */
  key: string;
};

export const pageIdPattern = /^[a-z][a-z0-9-]{0,39}$/;
export const fieldNamePattern = /^[a-zA-Z][a-zA-Z0-9_]{0,59}$/;

const choiceTypes = new Set(["select", "radio", "checkboxes"]);

function complete(text: LocalisedText | undefined): boolean {
  return Boolean(text && text.vi.trim() && text.en.trim());
}

/** A hint is optional, but when given it is given in both languages. */
function halfGiven(text: LocalisedText | undefined): boolean {
  return Boolean(text && (text.vi.trim() || text.en.trim()) && !complete(text));
}

/** The values a condition on this field may list; null: any text. */
export function conditionValues(field: FormField): string[] | null {
  if (field.type === "yesNo") return ["yes", "no"];
  if (choiceTypes.has(field.type)) return (field.options ?? []).map((option) => option.value);
  return null;
}

function fieldProblems(
  field: FormField,
  where: { page: string; field: string },
  earlier: ReadonlyMap<string, FormField>,
  documentKeys: ReadonlySet<string>,
  inGroup: boolean,
): FormProblem[] {
  const problems: FormProblem[] = [];
  const add = (prop: string, key: string) => problems.push({ ...where, prop, key });
  if (!fieldNamePattern.test(field.name)) add("name", "fieldNameFormat");
  if (!complete(field.label)) add("label", "labelMissing");
  if (halfGiven(field.hint)) add("hint", "hintHalf");
  if (choiceTypes.has(field.type)) {
    const options = field.options ?? [];
    if (options.length === 0) add("options", "optionsMissing");
    else if (options.some((option) => !option.value.trim() || !complete(option.label)))
      add("options", "optionIncomplete");
    else if (new Set(options.map((option) => option.value)).size !== options.length)
      add("options", "optionRepeated");
  }
  if (field.minLength !== undefined && field.maxLength !== undefined && field.minLength > field.maxLength)
    add("limits", "limitsReversed");
  if (field.min !== undefined && field.max !== undefined && field.min > field.max)
    add("limits", "limitsReversed");
  if (field.showIf) {
    const target = earlier.get(field.showIf.field);
    if (!target) add("showIf", "conditionNotEarlier");
    else if (field.showIf.in.length === 0) add("showIf", "conditionNoValues");
    else {
      const allowed = conditionValues(target);
      if (allowed && field.showIf.in.some((value) => !allowed.includes(value)))
        add("showIf", "conditionValue");
    }
  }
  if (field.type === "document") {
    if (inGroup) add("type", "documentInGroup");
    else if (!field.documentKey || !documentKeys.has(field.documentKey))
      add("documentKey", "documentUnknown");
  }
  if (field.type === "group") {
    if (inGroup) add("type", "groupInGroup");
    const children = field.fields ?? [];
    if (children.length === 0 && !inGroup) add("fields", "groupEmpty");
    if (field.itemLabel && !complete(field.itemLabel)) add("itemLabel", "labelMissing");
    if (field.minItems !== undefined && field.maxItems !== undefined && field.minItems > field.maxItems)
      add("limits", "limitsReversed");
    const seen = new Set<string>();
    // A child's condition may refer to an earlier field of the form or an earlier child of the item.
    const childEarlier = new Map(earlier);
    for (const child of children) {
      const childWhere = { page: where.page, field: `${field.name}/${child.name}` };
      if (seen.has(child.name)) problems.push({ ...childWhere, prop: "name", key: "fieldNameTaken" });
      seen.add(child.name);
      problems.push(...fieldProblems(child, childWhere, childEarlier, documentKeys, true));
      childEarlier.set(child.name, child);
    }
  }
  return problems;
}

/** Every problem of a definition, in the form's order; empty when it can be published. */
export function formProblems(
  definition: FormDefinition,
  documents: readonly Pick<RequiredDocument, "key">[],
): FormProblem[] {
  const problems: FormProblem[] = [];
  const documentKeys = new Set(documents.map((document) => document.key));
  const sections = new Set((definition.sections ?? []).map((section) => section.id));
  const pageIds = new Set<string>();
  const names = new Set<string>();
  /** Fields asked before the point being checked. */
  const earlier = new Map<string, FormField>();
  definition.pages.forEach((page: FormPage, index) => {
    const pageRef = pageIds.has(page.id) ? String(index) : page.id;
    const add = (prop: string, key: string) => problems.push({ page: pageRef, prop, key });
    if (!pageIdPattern.test(page.id)) add("id", "pageIdFormat");
    else if (pageIds.has(page.id)) add("id", "pageIdTaken");
    pageIds.add(page.id);
    if (!complete(page.title)) add("title", "labelMissing");
    if (halfGiven(page.hint)) add("hint", "hintHalf");
    if (page.section && !sections.has(page.section)) add("section", "sectionUnknown");
    if (page.showIf) {
      // A page's condition looks at earlier pages only (its own fields are not answered yet).
      const target = earlier.get(page.showIf.field);
      if (!target) add("showIf", "conditionNotEarlier");
      else if (page.showIf.in.length === 0) add("showIf", "conditionNoValues");
      else {
        const allowed = conditionValues(target);
        if (allowed && page.showIf.in.some((value) => !allowed.includes(value)))
          add("showIf", "conditionValue");
      }
    }
    for (const field of page.fields) {
      const where = { page: pageRef, field: field.name };
      if (names.has(field.name)) problems.push({ ...where, prop: "name", key: "fieldNameTaken" });
      names.add(field.name);
      problems.push(...fieldProblems(field, where, earlier, documentKeys, false));
      earlier.set(field.name, field);
    }
  });
  return problems;
}

/** The fields a condition at this point may look at: fields of earlier pages, and earlier on the same page. */
export function fieldsBefore(definition: FormDefinition, pageId: string, fieldName?: string): FormField[] {
  const before: FormField[] = [];
  for (const page of definition.pages) {
    if (page.id === pageId) {
      if (fieldName === undefined) return before;
      for (const field of page.fields) {
        if (field.name === fieldName) return before;
        before.push(field);
      }
      return before;
    }
    before.push(...page.fields);
  }
  return before;
}

/** The fields and pages whose condition refers to a field (it cannot be removed or renamed while they do). */
export function conditionsOn(definition: FormDefinition, fieldName: string): string[] {
  const users: string[] = [];
  for (const page of definition.pages) {
    if (page.showIf?.field === fieldName) users.push(page.id);
    for (const field of page.fields) {
      if (field.showIf?.field === fieldName) users.push(field.name);
      for (const child of field.fields ?? [])
        if (child.showIf?.field === fieldName) users.push(`${field.name}/${child.name}`);
    }
  }
  return users;
}
