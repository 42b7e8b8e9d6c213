import "server-only";
import { getDb, type Queryable } from "@/db/client";
import { holidays } from "@/db/schema/calendar";
import { makeCalendar, type WorkingCalendar } from "./rules";

/** The working calendar as the holidays table has it now. */
export async function loadCalendar(db?: Queryable): Promise<WorkingCalendar> {
  const source = db ?? (await getDb());
  const rows = await source.select({ date: holidays.date, kind: holidays.kind }).from(holidays);
  return makeCalendar(rows);
}
