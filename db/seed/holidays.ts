import type { holidays } from "@/db/schema";
import calendar from "./data/holidays.json";

/**
 * The notices distinguish holidays, make-up days off and swapped days off; for deadlines each is
 * simply a day off. A swapped Saturday is a day worked.
 */
const kindOf: Record<string, "off" | "working"> = {
  holiday: "off",
  makeup_off: "off",
  swap_off: "off",
  swap_work: "working",
};

export const holidayRows: (typeof holidays.$inferInsert)[] = calendar.days.map((day) => {
  const kind = kindOf[day.kind];
  if (!kind) throw new Error(`Unknown calendar kind "${day.kind}" on ${day.date}`);
  return { date: day.date, kind, name: day.name, source: day.source };
});
