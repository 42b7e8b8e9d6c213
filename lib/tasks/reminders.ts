import "server-only";
import { and, eq, isNull, lte, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { tasks } from "@/db/schema/workspace";
import { addWorkingDaysToDate, localDate } from "@/lib/calendar/rules";
import { loadCalendar, loadWorkingHours } from "@/lib/calendar/service";
import { listRoleHolders } from "@/lib/identity/accounts";
import { recordWorkspaceEvent } from "@/lib/meetings/events";
import { enqueue } from "@/lib/notify/outbox";
import { reminderDue } from "./rules";
import { taskPayload } from "./service";

/**
 * The worker's job (lib/notify/worker.ts): tells a task's owner (or, with no officer named, the
 * owner agency's heads) once when it becomes due soon and once when it is overdue. tasks.reminded_at
 * remembers the last reminder: none yet → "due soon" may go; one sent before the deadline → the
 * "overdue" one may go; one sent after the deadline → nothing more. A new deadline clears it.
 * Each reminder is a workspace event and its notice is written in the same transaction, under the
 * task's row lock, so two workers never send one twice.
 */
export async function remindTasks(now: Date = new Date()): Promise<{ dueSoon: number; overdue: number }> {
  const db = await getDb();
  const calendar = await loadCalendar(db);
  // Open tasks due within the next couple of working days (or past), not yet told of it.
  const horizon = new Date(Date.parse(`${addWorkingDaysToDate(localDate(now), 2, calendar)}T23:59:59+07:00`));
  const candidates = await db
    .select({ id: tasks.id, ownerAgencyId: tasks.ownerAgencyId })
    .from(tasks)
    .where(
      and(
        eq(tasks.state, "open"),
        lte(tasks.dueAt, horizon),
        or(isNull(tasks.remindedAt), sql`${tasks.remindedAt} <= ${tasks.dueAt}`),
      ),
    )
    .limit(500);
  const sent = { dueSoon: 0, overdue: 0 };
  for (const candidate of candidates) {
    const hours = await loadWorkingHours(candidate.ownerAgencyId, db);
    const kind = await db.transaction(async (tx) => {
      const [task] = await tx.select().from(tasks).where(eq(tasks.id, candidate.id)).for("update");
      if (!task) return null;
      const due = reminderDue(task, now, calendar, hours);
      if (!due) return null;
      await tx.update(tasks).set({ remindedAt: now }).where(eq(tasks.id, task.id));
      const recipients = task.ownerUserId
        ? [task.ownerUserId]
        : (await listRoleHolders(task.ownerAgencyId, "head", tx)).map((p) => p.id);
      await recordWorkspaceEvent(tx, {
        subjectKind: "task",
        subjectId: task.id,
        actorId: null,
        action: due === "overdue" ? "reminded_overdue" : "reminded_due_soon",
        at: now,
        details: { recipients },
      });
      await enqueue(
        tx,
        recipients.map((recipientId) => ({
          recipientId,
          kind: due === "overdue" ? "task.overdue" : "task.due_soon",
          payload: taskPayload(task),
        })),
      );
      return due;
    });
    if (kind === "overdue") sent.overdue++;
    else if (kind === "due_soon") sent.dueSoon++;
  }
  return sent;
}
