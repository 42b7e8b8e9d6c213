import { workingDaysLeft, type WorkingCalendar } from "@/lib/calendar/rules";
import { isClockRunning, isOverdue } from "@/lib/dossiers/rules";
import type { DossierView } from "@/lib/dossiers/types";

export type Deadline =
  | { kind: "overdue"; count: number }
  | { kind: "dueToday" }
  | { kind: "dueIn"; count: number }
  | { kind: "paused" };

/**
 * How far a dossier is from its appointment date, in working days, while the clock runs; "paused"
 * while the applicant is asked for documents. Nothing once the result exists or the dossier has
 * ended: the promise was kept or broken, and reports say which. Overdue is lib/dossiers/rules'
 * isOverdue, the same rule as the queue's tab and the transparency report.
 */
export function deadlineOf(
  dossier: Pick<DossierView, "status" | "dueAt" | "finishedAt" | "clockStoppedAt">,
  now: Date,
  calendar: WorkingCalendar,
): Deadline | null {
  if (!dossier.dueAt || dossier.finishedAt) return null;
  if (!isClockRunning(dossier)) return dossier.clockStoppedAt ? { kind: "paused" } : null;
  const left = workingDaysLeft(now, dossier.dueAt, calendar);
  if (isOverdue(dossier, now)) return { kind: "overdue", count: Math.max(1, -left) };
  if (left <= 0) return { kind: "dueToday" };
  return { kind: "dueIn", count: left };
}

/** The "staff" namespace key and options for a deadline, e.g. "overdue by 3 working days". */
export function deadlineMessage(deadline: Deadline): [key: string, options: { count?: number }] {
  switch (deadline.kind) {
    case "overdue":
      return ["deadline.overdue", { count: deadline.count }];
    case "dueIn":
      return ["deadline.dueIn", { count: deadline.count }];
    case "dueToday":
      return ["deadline.dueToday", {}];
    case "paused":
      return ["deadline.paused", {}];
  }
}
