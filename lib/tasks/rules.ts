/*
 * Tasks from conclusions (theo dõi nhiệm vụ), pure: what a task's status shows, its deadline in
 * working time, and who may do what with a task (the roles' table is lib/meetings/roles.ts; what counts
 * as classified is lib/meetings/classified.ts). Only "open" or "done" is stored
 * (db/schema/workspace.ts tasks.state); everything else is derived here from the deadline, the
 * completion and the working calendar (lib/calendar/rules.ts), so the list, the task page, the
 * dashboard, the CSV and the reminders all say the same.
 */
import {
  addWorkingDaysToDate,
  defaultWorkingHours,
  localDate,
  workingDaysBetween,
  workingMinutesPerDay,
  workingTimeLeft,
  type WorkingCalendar,
  type WorkingHours,
} from "@/lib/calendar/rules";
import { mayDo, type BodyRole } from "@/lib/meetings/roles";

/** What a task's page, list, dashboard and CSV show. Overdue first wherever tasks are counted. */
export const taskStatuses = ["overdue", "due_soon", "in_progress", "done_late", "done_on_time"] as const;
export type TaskStatus = (typeof taskStatuses)[number];

export type TaskFacts = {
  state: string;
  dueAt: Date;
  completedAt: Date | null;
};

/**
 * The shown status at `now`, in the owner agency's working time:
 * - done on time: completed at or before the deadline; done late: after it;
 * - overdue: open and the deadline has passed;
 * - due soon: open and at most one working day (the agency's working minutes of a day) left;
 * - in progress: open with more time than that.
 */
export function taskStatus(
  task: TaskFacts,
  now: Date,
  calendar: WorkingCalendar,
  hours: WorkingHours = defaultWorkingHours,
): TaskStatus {
  if (task.state === "done") {
    const completed = task.completedAt ?? now;
    return completed.getTime() <= task.dueAt.getTime() ? "done_on_time" : "done_late";
  }
  if (now.getTime() > task.dueAt.getTime()) return "overdue";
  const left = workingTimeLeft(calendar, hours, now, task.dueAt);
  return left <= workingMinutesPerDay(hours) ? "due_soon" : "in_progress";
}

/**
 * How many working days a task is (or was, when done) late: the working days after the deadline's
 * day up to and including the day it was checked or completed (due Friday, seen on Monday: 1, the
 * weekend and holidays not counted). At least 1 once late; 0 when not late.
 */
export function workingDaysLate(task: TaskFacts, now: Date, calendar: WorkingCalendar): number {
  const end = task.state === "done" ? (task.completedAt ?? now) : now;
  if (end.getTime() <= task.dueAt.getTime()) return 0;
  return Math.max(1, workingDaysBetween(task.dueAt, end, calendar));
}

/** Order for lists and the dashboard: overdue first, then due soon, then the rest; soonest due first. */
export function statusRank(status: TaskStatus): number {
  return taskStatuses.indexOf(status);
}

/**
 * Which reminder a task is owed now, once each: "due_soon" when it has become due soon and nothing
 * was sent yet; "overdue" when it is overdue and the last reminder (if any) was sent before the
 * deadline. Null otherwise (done, in progress, or already told).
 */
export function reminderDue(
  task: TaskFacts & { remindedAt: Date | null },
  now: Date,
  calendar: WorkingCalendar,
  hours: WorkingHours = defaultWorkingHours,
): "due_soon" | "overdue" | null {
  const status = taskStatus(task, now, calendar, hours);
  if (status === "overdue")
    return task.remindedAt === null || task.remindedAt.getTime() <= task.dueAt.getTime() ? "overdue" : null;
  if (status === "due_soon") return task.remindedAt === null ? "due_soon" : null;
  return null;
}

/* ---- Deadlines ---- */

/** The close of a local working day (the agency's afternoon end), as an instant. */
export function closeOfDay(isoDate: string, hours: WorkingHours = defaultWorkingHours): Date {
  return new Date(Date.parse(`${isoDate}T00:00:00+07:00`) + hours.afternoonEnd * 60_000);
}

/** A deadline as the chair gives it: a date, or N working days from a date (usually today). */
export type DeadlineInput = { kind: "date"; date: string } | { kind: "working_days"; days: number };

/**
 * The deadline's instant: a date ends at the close of that day; N working days from `from` end at
 * the close of the Nth working day after from's day (weekends and days off skipped).
 */
export function deadlineFor(
  input: DeadlineInput,
  from: Date,
  calendar: WorkingCalendar,
  hours: WorkingHours = defaultWorkingHours,
): Date {
  if (input.kind === "date") return closeOfDay(input.date, hours);
  return closeOfDay(addWorkingDaysToDate(localDate(from), input.days, calendar), hours);
}

/* ---- Who may do what (the facts are read by the service) ---- */

/** Create tasks from a conclusion, reassign them: the chair, the secretary, the support staff. */
export function mayManageTasks(role: BodyRole | null): boolean {
  return mayDo(role, "manage_tasks");
}

/** See the body's dashboard: those who manage, and the vice-chair who follows with the chair. */
export function maySeeDashboard(role: BodyRole | null): boolean {
  return mayDo(role, "see_dashboard");
}

export type TaskAccessFacts = {
  /** The actor's role in the task's body, or null. */
  bodyRole: BodyRole | null;
  isOwner: boolean;
  /** The actor is the head of the task's owner agency. */
  isOwnerAgencyHead: boolean;
  /** The actor holds any casework role in the owner agency. */
  inOwnerAgency: boolean;
};

/** What the actor may do with a task: "manage" ⊇ "report" ⊇ "see" are separate; null: nothing (404). */
export function taskAccess(facts: TaskAccessFacts): { see: boolean; report: boolean; manage: boolean } {
  const report = facts.isOwner || facts.isOwnerAgencyHead;
  const manage = mayManageTasks(facts.bodyRole);
  const see = report || manage || facts.bodyRole !== null || facts.inOwnerAgency;
  return { see, report, manage };
}
