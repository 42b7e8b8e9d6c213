/**
 * The page flow of a form (pure: browser and server): which pages and fields are shown for the answers
 * given so far, where "Continue" and "Back" go, the task list's sections and their status.
 *
 * Conditions chain: a field or page whose condition names a hidden field is hidden too (the hidden
 * field's stored answer does not count), so an answer left behind on a page the applicant no longer
 * sees never shows or hides anything.
 */
import type { Condition, FormDefinition, FormField, FormPage, FormSection } from "./types";

export type Answers = Record<string, unknown>;

/** The answer as the values a condition compares: a choice, each ticked box, a number as text. */
function conditionValues(answer: unknown): string[] {
  if (typeof answer === "string") return answer.trim() === "" ? [] : [answer.trim()];
  if (typeof answer === "number" && Number.isFinite(answer)) return [String(answer)];
  if (typeof answer === "boolean") return [answer ? "yes" : "no"];
  if (Array.isArray(answer)) return answer.flatMap(conditionValues);
  return [];
}

/**
 * Whether a condition holds for the answers (no condition: shown). It reads the answer as given;
 * whether the field it names is itself shown is the business of visiblePages and visibleFields.
 */
export function conditionHolds(condition: Condition | undefined, answers: Answers): boolean {
  if (!condition) return true;
  const values = conditionValues(answers[condition.field]);
  return values.some((value) => condition.in.includes(value));
}

/**
 * Which pages and top-level fields are shown, following conditions through the fields they name.
 * A condition naming a field that is not in the definition reads the answer as given; a cycle of
 * conditions hides the fields in it.
 */
export type Visibility = {
  pageOpen(page: FormPage): boolean;
  fieldShown(name: string): boolean;
};

export function visibility(definition: FormDefinition, answers: Answers): Visibility {
  const owners = new Map<string, { page: FormPage; field: FormField }>();
  for (const page of definition.pages)
    for (const field of page.fields) if (!owners.has(field.name)) owners.set(field.name, { page, field });
  const fieldMemo = new Map<string, boolean>();
  const pageMemo = new Map<FormPage, boolean>();
  const pending = new Set<string>();

  const holds = (condition: Condition | undefined): boolean => {
    if (!condition) return true;
    if (owners.has(condition.field) && !fieldShown(condition.field)) return false;
    return conditionHolds(condition, answers);
  };
  function pageOpen(page: FormPage): boolean {
    const known = pageMemo.get(page);
    if (known !== undefined) return known;
    const key = `page:${page.id}`;
    if (pending.has(key)) return false;
    pending.add(key);
    const open = holds(page.showIf);
    pending.delete(key);
    pageMemo.set(page, open);
    return open;
  }
  function fieldShown(name: string): boolean {
    const known = fieldMemo.get(name);
    if (known !== undefined) return known;
    const owner = owners.get(name);
    if (!owner) return true;
    const key = `field:${name}`;
    if (pending.has(key)) return false;
    pending.add(key);
    const shown = pageOpen(owner.page) && holds(owner.field.showIf);
    pending.delete(key);
    fieldMemo.set(name, shown);
    return shown;
  }
  return { pageOpen, fieldShown };
}

function shownOn(page: FormPage, seen: Visibility): FormField[] {
  if (!seen.pageOpen(page)) return [];
  return page.fields.filter((field) => seen.fieldShown(field.name));
}

/**
 * The pages shown for these answers, in order: a page whose condition holds and that has a field to
 * show (a page of fields all hidden by their conditions is skipped; a page without fields is shown).
 */
export function visiblePages(definition: FormDefinition, answers: Answers): FormPage[] {
  const seen = visibility(definition, answers);
  return definition.pages.filter(
    (page) => seen.pageOpen(page) && (page.fields.length === 0 || shownOn(page, seen).length > 0),
  );
}

/**
 * The fields of a page shown for these answers, in order. With the definition, conditions naming
 * fields of other pages follow those fields' own conditions; without it, the page alone is known
 * and other pages' answers are read as given (pass shownAnswers(definition, answers) then).
 */
export function visibleFields(page: FormPage, answers: Answers, definition?: FormDefinition): FormField[] {
  const seen = visibility(definition ?? { pages: [page] }, answers);
  return shownOn(page, seen);
}

/** A group item's fields shown for the item's answers (a child's condition names a sibling or a top-level field). */
export function visibleItemFields(group: FormField, item: Answers, answers: Answers = {}): FormField[] {
  const children = group.fields ?? [];
  const names = new Set(children.map((child) => child.name));
  const shown = new Map<string, boolean>();
  const pending = new Set<string>();
  const isShown = (child: FormField): boolean => {
    const known = shown.get(child.name);
    if (known !== undefined) return known;
    if (pending.has(child.name)) return false;
    pending.add(child.name);
    const condition = child.showIf;
    let result = true;
    if (condition) {
      if (names.has(condition.field)) {
        const sibling = children.find((c) => c.name === condition.field)!;
        result = isShown(sibling) && conditionHolds(condition, item);
      } else result = conditionHolds(condition, answers);
    }
    pending.delete(child.name);
    shown.set(child.name, result);
    return result;
  };
  return children.filter(isShown);
}

function positionOf(definition: FormDefinition, pageId: string): number {
  return definition.pages.findIndex((page) => page.id === pageId);
}

/** The page after this one for these answers; null when this is the last (next: check answers). */
export function nextPageId(definition: FormDefinition, answers: Answers, pageId: string): string | null {
  const at = positionOf(definition, pageId);
  const shown = new Set(visiblePages(definition, answers).map((page) => page.id));
  for (let i = at + 1; i < definition.pages.length; i++)
    if (shown.has(definition.pages[i]!.id)) return definition.pages[i]!.id;
  // An unknown page: the first shown page.
  if (at < 0) return definition.pages.find((page) => shown.has(page.id))?.id ?? null;
  return null;
}

/** The page before this one; null on the first page (back: the task list or the start). */
export function previousPageId(definition: FormDefinition, answers: Answers, pageId: string): string | null {
  const at = positionOf(definition, pageId);
  if (at < 0) return null;
  const shown = new Set(visiblePages(definition, answers).map((page) => page.id));
  for (let i = at - 1; i >= 0; i--) if (shown.has(definition.pages[i]!.id)) return definition.pages[i]!.id;
  return null;
}

export type SectionStatus = "notStarted" | "inProgress" | "completed";

export type TaskListSection = {
  section: FormSection;
  status: SectionStatus;
  /** Where "Start" or "Continue" goes: the first page of the section with something missing or wrong. */
  pageId: string;
};

/** The section id of a form without sections. */
export const wholeFormSection = "form";

/**
 * The sections of a form with their pages, in the form's order: a page names its section; a page
 * that names none (or an unknown one) belongs to the section of the page before it, or to the first.
 * A form without sections is one section titled by its first page.
 */
export function sectionsOf(definition: FormDefinition): { section: FormSection; pages: FormPage[] }[] {
  const sections = definition.sections?.length
    ? definition.sections
    : definition.pages.length > 0
      ? [{ id: wholeFormSection, title: definition.pages[0]!.title }]
      : [];
  const result = sections.map((section) => ({ section, pages: [] as FormPage[] }));
  if (result.length === 0) return result;
  const byId = new Map(result.map((entry) => [entry.section.id, entry]));
  let current = result[0]!;
  for (const page of definition.pages) {
    const named = page.section ? byId.get(page.section) : undefined;
    if (named) current = named;
    current.pages.push(page);
  }
  return result;
}

/** Whether an answer holds anything (text, a number, a ticked box, a part of an address, an item). */
export function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === "string") return value.trim() !== "" && !/^-*$/.test(value.trim());
  if (Array.isArray(value)) return value.some(isAnswered);
  if (typeof value === "object") return Object.values(value).some(isAnswered);
  return true;
}

/** Whether an issue key (validateAnswers) is about this field: its name, a part or an item of it. */
export function issueKeyIsFor(key: string, field: FormField): boolean {
  if (field.type === "document" && field.documentKey && key === `doc_${field.documentKey}`) return true;
  return key === field.name || key.startsWith(`${field.name}.`) || key.startsWith(`${field.name}[`);
}

/**
 * The task list of a long form (sections; a form without sections is one section titled by its
 * first page). `issues` are the stored answers' issues by field name (validateAnswers). A section
 * whose pages are all hidden is left out. Status: "notStarted" while none of its shown fields has an
 * answer (unless it has nothing to answer: then "completed"), "completed" when nothing is missing or
 * wrong, "inProgress" otherwise.
 */
export function taskList(
  definition: FormDefinition,
  answers: Answers,
  issues: Record<string, string[]>,
): TaskListSection[] {
  const seen = visibility(definition, answers);
  const shownPages = new Set(visiblePages(definition, answers));
  const issueKeys = Object.entries(issues)
    .filter(([, list]) => list.length > 0)
    .map(([key]) => key);
  const list: TaskListSection[] = [];
  for (const { section, pages } of sectionsOf(definition)) {
    const shown = pages.filter((page) => shownPages.has(page));
    if (shown.length === 0) continue;
    const fieldsOf = (page: FormPage) => shownOn(page, seen);
    const wrong = (page: FormPage) =>
      fieldsOf(page).some((field) => issueKeys.some((key) => issueKeyIsFor(key, field)));
    const started = shown.some((page) => fieldsOf(page).some((field) => isAnswered(answers[field.name])));
    const firstWrong = shown.find(wrong);
    const status: SectionStatus = firstWrong ? (started ? "inProgress" : "notStarted") : "completed";
    list.push({ section, status, pageId: (firstWrong ?? shown[0]!).id });
  }
  return list;
}

/** A group's items with only their shown children's answers. */
function shownItems(group: FormField, value: unknown, answers: Answers): unknown {
  if (!Array.isArray(value)) return value;
  return value.map((item) => {
    if (item === null || typeof item !== "object" || Array.isArray(item)) return item;
    const kept: Answers = {};
    for (const child of visibleItemFields(group, item as Answers, answers)) {
      const answer = (item as Answers)[child.name];
      if (answer !== undefined) kept[child.name] = answer;
    }
    return kept;
  });
}

/** The answers of the shown pages and fields only: what a submission stores. */
export function shownAnswers(definition: FormDefinition, answers: Answers): Answers {
  const seen = visibility(definition, answers);
  const kept: Answers = {};
  for (const page of definition.pages)
    for (const field of shownOn(page, seen)) {
      if (field.type === "document") continue;
      const value = answers[field.name];
      if (value === undefined) continue;
      kept[field.name] = field.type === "group" ? shownItems(field, value, answers) : value;
    }
  return kept;
}
