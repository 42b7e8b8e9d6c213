/*
 * The working time a dossier has left and why its appointment moved: each clock stop with the
 * working time it added, in the deciding agency's working hours (the same arithmetic that moved
 * the appointment, lib/calendar/rules.ts).
 */
import "server-only";
import { and, asc, eq, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { dossierClockStops, dossiers } from "@/db/schema/dossiers";
import { workingTimeBetween } from "@/lib/calendar/rules";
import { loadCalendar, loadWorkingHours } from "@/lib/calendar/service";
import type { Actor } from "@/lib/identity/types";
import { visibleTo } from "./queries";
import { dossierWorkingTimeLeft, type DeadlineFacts } from "./rules";

export type ClockStopView = {
  reason: string;
  startedAt: Date;
  /** Null while the clock is still stopped. */
  endedAt: Date | null;
  /** Working minutes the stop added to the appointment (so far, while it lasts). */
  addedMinutes: number;
};

export type DossierWorkingTime = {
  /** Working minutes left (negative: overdue by that much); null when nothing counts down. */
  left: { minutes: number; stopped: boolean } | null;
  stops: ClockStopView[];
};

export async function getDossierWorkingTime(
  actor: Actor,
  dossier: DeadlineFacts & { id: string; competentAgencyId: string },
  now: Date = new Date(),
): Promise<DossierWorkingTime> {
  const db = await getDb();
  const [calendar, hours, rows] = await Promise.all([
    loadCalendar(db),
    loadWorkingHours(dossier.competentAgencyId, db),
    // Scoped by the actor like every read: the page's dossier is passed in, not trusted.
    db
      .select({
        reason: dossierClockStops.reason,
        startedAt: dossierClockStops.startedAt,
        endedAt: dossierClockStops.endedAt,
      })
      .from(dossierClockStops)
      .innerJoin(dossiers, eq(dossiers.id, dossierClockStops.dossierId))
      .where(and(eq(dossierClockStops.dossierId, dossier.id), visibleTo(actor)) as SQL)
      .orderBy(asc(dossierClockStops.startedAt), asc(dossierClockStops.id)),
  ]);
  return {
    left: dossierWorkingTimeLeft(dossier, now, calendar, hours),
    stops: rows.map((row) => ({
      ...row,
      addedMinutes: Math.round(workingTimeBetween(calendar, hours, row.startedAt, row.endedAt ?? now)),
    })),
  };
}
