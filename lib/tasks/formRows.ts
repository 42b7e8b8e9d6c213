import type { DeadlineInput } from "./rules";
import type { NewTaskInput } from "./schema";

/*
 * The tasks forms' posts read into the services' inputs (pure): the deadline radios, the officer
 * select ("agencyId:userId"), and the new-tasks form's rows ("tasks.<row>.<field>"), several tasks
 * in one post.
 */

/** The deadline as the radios and inputs give it; null for "keep". */
export function deadlineOf(values: Record<string, string | undefined>): DeadlineInput | null {
  if (values.deadlineKind === "keep") return null;
  if (values.deadlineKind === "working_days")
    return { kind: "working_days", days: values.deadlineDays as never };
  return { kind: "date", date: values.deadlineDate ?? "" };
}

/** "agencyId:userId" from the officer select, or null. */
export function officerOf(value: string | undefined): string | null {
  if (!value) return null;
  const [, userId] = value.split(":");
  return userId || null;
}

export const taskRowFields = [
  "title",
  "details",
  "ownerAgencyId",
  "ownerUserId",
  "deadlineKind",
  "deadlineDate",
  "deadlineDays",
] as const;

/** The field names of a form of `rows` tasks. */
export function taskRowNames(rows: number): string[] {
  return Array.from({ length: rows }, (_, row) =>
    taskRowFields.map((field) => `tasks.${row}.${field}`),
  ).flat();
}

/**
 * The tasks a post of `rows` rows gives, each with its row. A row left wholly empty (the radio
 * aside) is skipped; with none filled, the first is given, so its messages say what is missing.
 */
export function tasksFromRows(
  values: Record<string, string | undefined>,
  rows: number,
): { row: number; task: NewTaskInput }[] {
  const all = Array.from({ length: rows }, (_, row) => {
    const value = (field: string) => values[`tasks.${row}.${field}`] ?? "";
    const empty = taskRowFields
      .filter((field) => field !== "deadlineKind")
      .every((field) => value(field).trim() === "");
    const task: NewTaskInput = {
      title: value("title"),
      details: value("details"),
      ownerAgencyId: value("ownerAgencyId"),
      ownerUserId: officerOf(value("ownerUserId")),
      deadline: (deadlineOf({
        deadlineKind: value("deadlineKind"),
        deadlineDate: value("deadlineDate"),
        deadlineDays: value("deadlineDays"),
      }) ?? { kind: "date", date: "" }) as NewTaskInput["deadline"],
    };
    return { row, empty, task };
  });
  const filled = all.filter((entry) => !entry.empty);
  return (filled.length > 0 ? filled : all.slice(0, 1)).map(({ row, task }) => ({ row, task }));
}

/**
 * The service's issues ("tasks.<index sent>.<field>") by the form's rows ("tasks.<row>.<field>"),
 * the deadline's kind as the deadline; anything else is the whole form's.
 */
export function rowIssues(
  issues: Record<string, string[]> | undefined,
  rowOf: readonly number[],
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, list] of Object.entries(issues ?? {})) {
    const match = /^tasks\.(\d+)\.(.+)$/.exec(key);
    let field = "form";
    if (match) {
      const rest = match[2] === "deadline.kind" || match[2] === "deadline._" ? "deadline" : match[2]!;
      field = `tasks.${rowOf[Number(match[1])] ?? 0}.${rest}`;
    }
    (out[field] ??= []).push(...list);
  }
  return out;
}
