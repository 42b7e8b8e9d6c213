import { workingDaysLeft, type WorkingCalendar } from "@/lib/calendar/rules";
import type { DossierView } from "@/lib/dossiers/types";

export type Deadline =
  | { kind: "overdue"; count: number }
  | { kind: "dueToday" }
  | { kind: "dueIn"; count: number }
  | { kind: "paused" };

/**
 * How far a dossier is from its appointment date, in working days. Nothing once the result exists
 * or the dossier has ended: the promise was kept or broken, and reports say which.
 */
export function deadlineOf(
  dossier: Pick<DossierView, "dueAt" | "finishedAt" | "clockStoppedAt">,
  now: Date,
  calendar: WorkingCalendar,
): Deadline | null {
  if (!dossier.dueAt || dossier.finishedAt) return null;
  if (dossier.clockStoppedAt) return { kind: "paused" };
  const left = workingDaysLeft(now, dossier.dueAt, calendar);
  if (left < 0) return { kind: "overdue", count: -left };
  if (left === 0) return { kind: "dueToday" };
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
