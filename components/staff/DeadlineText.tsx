import type { WorkingCalendar } from "@/lib/calendar/rules";
import type { DossierView } from "@/lib/dossiers/types";
import type { T } from "@/lib/i18n/server";
import { deadlineMessage, deadlineOf } from "./deadline";
import styles from "./staff.module.css";

/** "overdue by 3 working days" / "due in 2 working days" under an appointment date. */
export function DeadlineText({
  dossier,
  now,
  calendar,
  t,
}: {
  dossier: Pick<DossierView, "status" | "dueAt" | "finishedAt" | "clockStoppedAt">;
  now: Date;
  calendar: WorkingCalendar;
  t: T;
}) {
  const deadline = deadlineOf(dossier, now, calendar);
  if (!deadline) return null;
  const [key, options] = deadlineMessage(deadline);
  const className = deadline.kind === "overdue" ? `${styles.deadline} ${styles.overdue}` : styles.deadline;
  return <span className={className}>{t(key, options)}</span>;
}
