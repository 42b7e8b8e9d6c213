/**
 * The page flow of a form (pure: browser and server): which pages and fields are shown for the answers
 * given so far, where "Continue" and "Back" go, the task list's sections and their status.
 *
 * SIGNATURES ONLY (shared contract for issue 9's branches); the forms-core branch implements them.
 */
import type { Condition, FormDefinition, FormField, FormPage, FormSection } from "./types";

export type Answers = Record<string, unknown>;

/** Whether a condition holds for the answers (no condition: shown). */
export function conditionHolds(condition: Condition | undefined, answers: Answers): boolean {
  void condition;
  void answers;
  throw new Error("not yet built: lib/forms/flow.ts (forms-core branch)");
}

/** The pages shown for these answers, in order. */
export function visiblePages(definition: FormDefinition, answers: Answers): FormPage[] {
  void definition;
  void answers;
  throw new Error("not yet built: lib/forms/flow.ts (forms-core branch)");
}

/** The fields of a page shown for these answers, in order. */
export function visibleFields(page: FormPage, answers: Answers): FormField[] {
  void page;
  void answers;
  throw new Error("not yet built: lib/forms/flow.ts (forms-core branch)");
}

/** The page after this one for these answers; null when this is the last (next: check answers). */
export function nextPageId(definition: FormDefinition, answers: Answers, pageId: string): string | null {
  void definition;
  void answers;
  void pageId;
  throw new Error("not yet built: lib/forms/flow.ts (forms-core branch)");
}

/** The page before this one; null on the first page (back: the task list or the start). */
export function previousPageId(definition: FormDefinition, answers: Answers, pageId: string): string | null {
  void definition;
  void answers;
  void pageId;
  throw new Error("not yet built: lib/forms/flow.ts (forms-core branch)");
}

export type SectionStatus = "notStarted" | "inProgress" | "completed";

export type TaskListSection = {
  section: FormSection;
  status: SectionStatus;
  /** Where "Start" or "Continue" goes: the first page of the section with something missing or wrong. */
  pageId: string;
};

/**
 * The task list of a long form (sections; a form without sections is one section titled by its
 * first page). `issues` are the stored answers' issues by field name (validateAnswers).
 */
export function taskList(
  definition: FormDefinition,
  answers: Answers,
  issues: Record<string, string[]>,
): TaskListSection[] {
  void definition;
  void answers;
  void issues;
  throw new Error("not yet built: lib/forms/flow.ts (forms-core branch)");
}

/** The answers of the shown pages and fields only: what a submission stores. */
export function shownAnswers(definition: FormDefinition, answers: Answers): Answers {
  void definition;
  void answers;
  throw new Error("not yet built: lib/forms/flow.ts (forms-core branch)");
}
