"use server";

import { redirect } from "next/navigation";
import { deleteCalendarDay, fillYearFromLaw, saveCalendarDay } from "@/lib/calendar/service";
import { getActor } from "@/lib/identity/actor";
import { isLang } from "@/lib/i18n/settings";
import { formText } from "@/lib/forms/formText";
import { textValues, type FormState } from "@/components/forms/formState";
import { calendarDayFields } from "@/components/admin/fields";

const pageOf = (lang: string, year: string, done?: string) =>
  `/${isLang(lang) ? lang : "vi"}/admin/calendar?year=${encodeURIComponent(year)}${done ? `&done=${done}` : ""}`;

/** Adds or changes a day; the service checks the actor and the input again. */
export async function saveDayAction(
  lang: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const values = textValues(formData, calendarDayFields);
  const failed = (error: string): FormState => ({
    values,
    issues: {},
    formError: `calendar:calendar.errors.${error}`,
    formErrorField: "form",
  });
  const actor = await getActor();
  let result: Awaited<ReturnType<typeof saveCalendarDay>>;
  try {
    result = await saveCalendarDay(
      actor,
      values as { date: string; kind: "holiday"; name: string; source: string },
    );
  } catch (error) {
    console.error("saving a calendar day failed", error);
    return failed("failed");
  }
  if (result.ok) redirect(pageOf(lang, result.value.date.slice(0, 4), "saved"));
  if (result.error === "invalid_input") return { values, issues: result.issues ?? {} };
  return failed(result.error);
}

/** Deletes a day (a button per row; works without JavaScript). */
export async function deleteDayAction(lang: string, formData: FormData): Promise<void> {
  const date = formText(formData, "date");
  const year = /^\d{4}/.test(date) ? date.slice(0, 4) : String(new Date().getFullYear());
  const result = await deleteCalendarDay(await getActor(), { date });
  redirect(pageOf(lang, year, result.ok ? "deleted" : `error-${result.error}`));
}

/** Fills an empty year with what the law fixes. */
export async function fillYearAction(lang: string, formData: FormData): Promise<void> {
  const year = formText(formData, "year");
  const result = await fillYearFromLaw(await getActor(), Number(year));
  redirect(
    `${pageOf(lang, year, result.ok ? "filled" : `error-${result.error}`)}${result.ok ? `&count=${result.value}` : ""}`,
  );
}
