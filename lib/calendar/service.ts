import "server-only";
import { and, asc, eq, gte, lte, sql } from "drizzle-orm";
import { getDb, type Queryable } from "@/db/client";
import { agencies } from "@/db/schema/agencies";
import { agencyWorkingHours, holidays } from "@/db/schema/calendar";
import { recordAudit } from "@/lib/audit/service";
import { hasRole, type Actor } from "@/lib/identity/types";
import { err, issuesOf, ok, type Result } from "@/lib/result";
import { generateYear } from "./holidays";
import {
  isSpecialDayKind,
  makeCalendar,
  workingHoursOf,
  type CalendarDay,
  type WorkingCalendar,
  type WorkingHours,
} from "./rules";
import {
  calendarDateSchema,
  calendarDaySchema,
  calendarYearSchema,
  storedHours,
  workingHoursSchema,
  type CalendarDayInput,
  type HoursField,
  type WorkingHoursInput,
} from "./schema";

export type CalendarError = "forbidden" | "invalid_input" | "not_found";

const isSystemAdmin = (actor: Actor) =>
  actor.kind === "staff" && actor.roles.some((role) => role.role === "system_admin");

/** Who may change an agency's hours: a system administrator, or that agency's administrator. */
export function mayEditHours(actor: Actor, agencyId: string): boolean {
  return isSystemAdmin(actor) || hasRole(actor, agencyId, "agency_admin");
}

/** Who may change the calendar: a system administrator only (it binds every agency). */
export function mayEditCalendar(actor: Actor): boolean {
  return isSystemAdmin(actor);
}

const actorIdOf = (actor: Actor) => (actor.kind === "anonymous" ? null : actor.userId);

/* ---- The calendar ---- */

/** The working calendar as the table has it now. */
export async function loadCalendar(db?: Queryable): Promise<WorkingCalendar> {
  const source = db ?? (await getDb());
  const rows = await source.select({ date: holidays.date, kind: holidays.kind }).from(holidays);
  return makeCalendar(rows);
}

const dayColumns = {
  date: holidays.date,
  kind: holidays.kind,
  name: holidays.name,
  source: holidays.source,
  swapWith: holidays.swapWith,
};

function toDay(row: {
  date: string;
  kind: string;
  name: string;
  source: string | null;
  swapWith: string | null;
}) {
  // Rows from before the kinds were kept apart say only "off" or "working".
  const kind = isSpecialDayKind(row.kind) ? row.kind : row.kind === "working" ? "swap_work" : "holiday";
  return { ...row, kind } satisfies CalendarDay;
}

/** The stored days of a year, in date order. */
export async function listCalendarYear(year: number, db?: Queryable): Promise<CalendarDay[]> {
  const source = db ?? (await getDb());
  const rows = await source
    .select(dayColumns)
    .from(holidays)
    .where(and(gte(holidays.date, `${year}-01-01`), lte(holidays.date, `${year}-12-31`)))
    .orderBy(asc(holidays.date));
  return rows.map(toDay);
}

/** Whether any day of a year is stored: a year without one has had no notice entered. */
export async function yearHasEntries(year: number, db?: Queryable): Promise<boolean> {
  const source = db ?? (await getDb());
  const [row] = await source
    .select({ n: sql<number>`count(*)::int` })
    .from(holidays)
    .where(and(gte(holidays.date, `${year}-01-01`), lte(holidays.date, `${year}-12-31`)));
  return (row?.n ?? 0) > 0;
}

/** An administrator adds a day or changes it (the date is the key). Audited with before and after. */
export async function saveCalendarDay(
  actor: Actor,
  input: CalendarDayInput,
): Promise<Result<CalendarDay, CalendarError>> {
  if (!mayEditCalendar(actor)) return err("forbidden");
  const parsed = calendarDaySchema.safeParse(input);
  if (!parsed.success) return err("invalid_input", issuesOf(parsed.error));
  const day = parsed.data;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select(dayColumns)
      .from(holidays)
      .where(eq(holidays.date, day.date))
      .for("update");
    const values = { kind: day.kind, name: day.name, source: day.source, updatedAt: new Date() };
    // A swap's partner stays recorded only while the day is still a swap of the same side.
    const swapWith = before && before.kind === day.kind ? before.swapWith : null;
    const [saved] = await tx
      .insert(holidays)
      .values({ date: day.date, ...values, swapWith })
      .onConflictDoUpdate({ target: holidays.date, set: { ...values, swapWith } })
      .returning(dayColumns);
    await recordAudit(
      {
        action: "calendar.day_saved",
        actorId: actorIdOf(actor),
        details: { date: day.date, before: before ?? null, after: saved },
      },
      tx,
    );
    return ok(toDay(saved!));
  });
}

/** An administrator removes a day: it becomes a working day or a weekend again. Audited. */
export async function deleteCalendarDay(
  actor: Actor,
  input: { date: string },
): Promise<Result<CalendarDay, CalendarError>> {
  if (!mayEditCalendar(actor)) return err("forbidden");
  const parsed = calendarDateSchema.safeParse(input);
  if (!parsed.success) return err("invalid_input", issuesOf(parsed.error));
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(holidays)
      .where(eq(holidays.date, parsed.data.date))
      .returning(dayColumns);
    if (!removed) return err("not_found" as const);
    await recordAudit(
      {
        action: "calendar.day_deleted",
        actorId: actorIdOf(actor),
        details: { date: removed.date, before: removed, after: null },
      },
      tx,
    );
    return ok(toDay(removed));
  });
}

/**
 * Fills a year that has no notice yet with what the law fixes (lib/calendar/holidays.ts): the
 * administrator then corrects it when the notice comes. Days already stored are kept. Audited.
 */
export async function fillYearFromLaw(actor: Actor, year: number): Promise<Result<number, CalendarError>> {
  if (!mayEditCalendar(actor)) return err("forbidden");
  const parsed = calendarYearSchema.safeParse(year);
  if (!parsed.success) return err("invalid_input", issuesOf(parsed.error));
  const days = generateYear(parsed.data);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const added = await tx
      .insert(holidays)
      .values(days.map((day) => ({ ...day, swapWith: day.swapWith ?? null })))
      .onConflictDoNothing({ target: holidays.date })
      .returning(dayColumns);
    await recordAudit(
      {
        action: "calendar.year_filled",
        actorId: actorIdOf(actor),
        details: { year: parsed.data, before: null, after: added },
      },
      tx,
    );
    return ok(added.length);
  });
}

/* ---- Working hours ---- */

type StoredHours = Record<HoursField, number | null>;

const hoursColumns = {
  morningStart: agencyWorkingHours.morningStart,
  morningEnd: agencyWorkingHours.morningEnd,
  afternoonStart: agencyWorkingHours.afternoonStart,
  afternoonEnd: agencyWorkingHours.afternoonEnd,
  cutoff: agencyWorkingHours.cutoff,
};

const noHours: StoredHours = {
  morningStart: null,
  morningEnd: null,
  afternoonStart: null,
  afternoonEnd: null,
  cutoff: null,
};

/** An agency's working hours, the defaults filling what it did not set. */
export async function loadWorkingHours(agencyId: string, db?: Queryable): Promise<WorkingHours> {
  const source = db ?? (await getDb());
  const [row] = await source
    .select(hoursColumns)
    .from(agencyWorkingHours)
    .where(eq(agencyWorkingHours.agencyId, agencyId));
  return workingHoursOf(row ?? null);
}

export type AgencyHours = {
  agency: { id: string; code: string; nameVi: string; nameEn: string };
  /** What the agency set (null: the default). */
  stored: StoredHours;
  /** What counts. */
  hours: WorkingHours;
};

/** The agencies whose hours this actor may change, with their hours: all for a system administrator. */
export async function listAgencyHours(actor: Actor): Promise<AgencyHours[]> {
  if (actor.kind !== "staff") return [];
  const db = await getDb();
  const rows = await db
    .select({
      id: agencies.id,
      code: agencies.code,
      nameVi: agencies.nameVi,
      nameEn: agencies.nameEn,
      ...hoursColumns,
    })
    .from(agencies)
    .leftJoin(agencyWorkingHours, eq(agencyWorkingHours.agencyId, agencies.id))
    .orderBy(asc(agencies.code));
  return rows
    .filter((row) => mayEditHours(actor, row.id))
    .map(({ id, code, nameVi, nameEn, ...stored }) => ({
      agency: { id, code, nameVi, nameEn },
      stored,
      hours: workingHoursOf(stored),
    }));
}

/** An administrator sets an agency's hours; empty fields go back to the defaults. Audited. */
export async function saveWorkingHours(
  actor: Actor,
  input: WorkingHoursInput,
): Promise<Result<AgencyHours["stored"], CalendarError>> {
  const parsed = workingHoursSchema.safeParse(input);
  if (!parsed.success) {
    // An outsider learns nothing from the form's checks.
    if (typeof input.agencyId !== "string" || !mayEditHours(actor, input.agencyId)) return err("forbidden");
    return err("invalid_input", issuesOf(parsed.error));
  }
  const { agencyId } = parsed.data;
  if (!mayEditHours(actor, agencyId)) return err("forbidden");
  const stored = storedHours(parsed.data);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [agency] = await tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, agencyId));
    if (!agency) return err("not_found" as const);
    const [before] = await tx
      .select(hoursColumns)
      .from(agencyWorkingHours)
      .where(eq(agencyWorkingHours.agencyId, agencyId))
      .for("update");
    const values = { ...stored, updatedAt: new Date(), updatedBy: actorIdOf(actor) };
    await tx
      .insert(agencyWorkingHours)
      .values({ agencyId, ...values })
      .onConflictDoUpdate({ target: agencyWorkingHours.agencyId, set: values });
    await recordAudit(
      {
        action: "agency.working_hours_changed",
        actorId: actorIdOf(actor),
        details: { agencyId, before: before ?? noHours, after: stored },
      },
      tx,
    );
    return ok(stored);
  });
}
