import {
  addWorkingDaysToDate,
  localDate,
  workingDaysBetween,
  type WorkingCalendar,
} from "@/lib/calendar/rules";
import type { OpinionAnswer } from "./rules";

/*
 * Written opinion forms, the pure part: the deadline in working days, each member's status, when
 * reminders are due, and what an answer needs. Unit-tested in tests/unit/opinion-rules.test.ts.
 */

export const opinionStatuses = [
  "draft",
  "awaiting_approval",
  "open",
  "closed",
  "concluded",
  "withdrawn",
] as const;
export type OpinionStatus = (typeof opinionStatuses)[number];

/** A form can be withdrawn until it closes: a draft, one awaiting approval, or one open for answers. */
export const withdrawableStatuses: readonly string[] = ["draft", "awaiting_approval", "open"];

export const opinionAnswers: readonly OpinionAnswer[] = ["agree", "agree_with_comments", "disagree"];

/** Vietnam is UTC+7 all year. */
const offsetMs = 7 * 60 * 60 * 1000;

/**
 * The deadline of a form opened at `openedAt` with `workingDays`: the close of the working day
 * (calendar.closeMinutes, 17:00) that many working days after the day it opened.
 */
export function opinionDeadline(openedAt: Date, workingDays: number, calendar: WorkingCalendar): Date {
  const day = addWorkingDaysToDate(localDate(openedAt), Math.max(1, workingDays), calendar);
  return new Date(Date.parse(`${day}T00:00:00Z`) - offsetMs + calendar.closeMinutes * 60_000);
}

export type MemberStatus = "answered" | "not_answered" | "due_soon" | "overdue";

/**
 * One voting member's status on a form: answered; overdue (past the deadline, no answer); due soon
 * (no answer, and today is the last working day: no working day left before the deadline's day);
 * otherwise not answered.
 */
export function memberStatus(
  input: { answered: boolean; deadline: Date | null; now: Date },
  calendar: WorkingCalendar,
): MemberStatus {
  if (input.answered) return "answered";
  if (!input.deadline) return "not_answered";
  if (input.now.getTime() > input.deadline.getTime()) return "overdue";
  if (workingDaysBetween(input.now, input.deadline, calendar) === 0) return "due_soon";
  return "not_answered";
}

export type ReminderStage = "due_soon" | "overdue";

/**
 * Which reminder an open form needs now, given the stages already sent: overdue once past the
 * deadline, due soon on its last working day; null when none (or already sent).
 */
export function reminderDue(
  input: { deadline: Date | null; now: Date; sent: readonly ReminderStage[] },
  calendar: WorkingCalendar,
): ReminderStage | null {
  if (!input.deadline) return null;
  const state = memberStatus({ answered: false, deadline: input.deadline, now: input.now }, calendar);
  if (state === "overdue") return input.sent.includes("overdue") ? null : "overdue";
  if (state === "due_soon") return input.sent.includes("due_soon") ? null : "due_soon";
  return null;
}

/** A form closes when its deadline has passed or every voting member has answered. */
export function shouldClose(input: {
  deadline: Date | null;
  now: Date;
  votingMembers: number;
  answered: number;
}): boolean {
  if (input.votingMembers > 0 && input.answered >= input.votingMembers) return true;
  return input.deadline !== null && input.now.getTime() > input.deadline.getTime();
}

/** What is wrong with an answer (pure): a comment is required with comments and for a disagreement. */
export function answerProblem(
  answer: string,
  comment: string,
): "choose" | "comment_required" | "too_long" | null {
  if (!(opinionAnswers as readonly string[]).includes(answer)) return "choose";
  if ((answer === "agree_with_comments" || answer === "disagree") && comment.trim() === "")
    return "comment_required";
  if (comment.length > 4000) return "too_long";
  return null;
}

/** The form's code: PYK-<year>-<4 digits>, the number counted per year (not per body: codes are unique). */
export function opinionFormCode(year: number, sequence: number): string {
  return `PYK-${year}-${String(sequence).padStart(4, "0")}`;
}
