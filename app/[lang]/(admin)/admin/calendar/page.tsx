import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { redirect } from "next/navigation";
import { listCalendarYear, mayEditCalendar } from "@/lib/calendar/service";
import { specialDayKinds } from "@/lib/calendar/rules";
import { signInUrl } from "@/lib/forms/callbackUrl";
import { formatDate } from "@/lib/i18n/format";
import { getT, resolveLang } from "@/lib/i18n/server";
import { getActor } from "@/lib/identity/actor";
import { landingPath } from "@/lib/identity/rules";
import { CalendarDayForm } from "@/components/admin/CalendarDayForm";
import { Button } from "@/components/ui/Button";
import { DataTable } from "@/components/ui/DataTable";
import { Notice } from "@/components/ui/Notice";
import { deleteDayAction, fillYearAction, saveDayAction } from "./actions";

type Props = {
  params: Promise<{ lang: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The form renders the <title>, with "Error: " in front when a post failed: a title here would come first. */
export const metadata: Metadata = { title: null };

const single = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

/** The year's days that differ from the normal week, and the form to add or change one. */
export default async function AdminCalendarPage({ params, searchParams }: Props) {
  await connection();
  const lang = await resolveLang(params);
  const query = await searchParams;
  const t = await getT(lang, "calendar");
  const tCommon = await getT(lang, "common");
  const thisYear = new Date().getFullYear();
  const asked = Number(single(query.year));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : thisYear;
  const here = `/${lang}/admin/calendar?year=${year}`;

  const actor = await getActor();
  if (actor.kind === "anonymous") redirect(signInUrl(lang, here));
  if (!mayEditCalendar(actor)) {
    return (
      <>
        <title>{`${t("calendar.title")} – ${tCommon("siteName")}`}</title>
        <h1>{t("forOthersTitle")}</h1>
        <Notice>{t("forOthers.calendar")}</Notice>
        <p>
          <Link href={landingPath(actor, lang, null)}>{t("backToWork")}</Link>
        </p>
      </>
    );
  }

  const days = await listCalendarYear(year);
  const editing = days.find((day) => day.date === single(query.edit));
  const done = single(query.done);
  const failed = done?.startsWith("error-") ? done.slice("error-".length) : null;
  const weekday = (date: string) =>
    new Intl.DateTimeFormat(lang === "vi" ? "vi-VN" : "en-GB", { weekday: "long", timeZone: "UTC" }).format(
      new Date(`${date}T00:00:00Z`),
    );
  const heading = t("calendar.title");
  const title = `${heading} – ${tCommon("siteName")}`;

  return (
    <>
      <h1>{heading}</h1>
      <p className="lead">{t("calendar.lead")}</p>
      {done === "saved" || done === "deleted" ? (
        <Notice tone="success">{t(`calendar.done.${done}`)}</Notice>
      ) : done === "filled" ? (
        <Notice tone="success">
          {t("calendar.done.filled", { count: Number(single(query.count) ?? 0) })}
        </Notice>
      ) : failed && ["forbidden", "not_found", "invalid_input"].includes(failed) ? (
        <Notice tone="warning">
          {t(`calendar.errors.${failed === "invalid_input" ? "invalid_request" : failed}`)}
        </Notice>
      ) : null}

      <nav aria-label={t("calendar.yearNav")}>
        <ul>
          <li>
            <Link href={`/${lang}/admin/calendar?year=${year - 1}`}>
              {t("calendar.previousYear", { year: year - 1 })}
            </Link>
          </li>
          <li>
            <Link href={`/${lang}/admin/calendar?year=${year + 1}`}>
              {t("calendar.nextYear", { year: year + 1 })}
            </Link>
          </li>
        </ul>
      </nav>

      {days.length === 0 ? (
        <>
          <Notice tone="warning">{t("calendar.empty", { year })}</Notice>
          <p>{t("calendar.fillHint")}</p>
          <form action={fillYearAction.bind(null, lang)}>
            <input type="hidden" name="year" value={year} />
            <Button variant="secondary">{t("calendar.fill", { year })}</Button>
          </form>
        </>
      ) : (
        <DataTable
          caption={t("calendar.caption", { year, count: days.length })}
          columns={[
            { key: "date", header: t("calendar.columns.date") },
            { key: "kind", header: t("calendar.columns.kind") },
            { key: "name", header: t("calendar.columns.name") },
            { key: "source", header: t("calendar.columns.source") },
            { key: "actions", header: t("calendar.columns.actions") },
          ]}
          rows={days.map((day) => {
            const shown = formatDate(`${day.date}T05:00:00Z`, lang);
            return {
              key: day.date,
              cells: {
                date: (
                  <>
                    <time dateTime={day.date}>{shown}</time>
                    <br />
                    <span className="muted">{weekday(day.date)}</span>
                  </>
                ),
                kind: t(`kinds.${day.kind}`),
                name: <span lang="vi">{day.name}</span>,
                source: day.source ? <span lang="vi">{day.source}</span> : "",
                actions: (
                  <>
                    <Link href={`/${lang}/admin/calendar?year=${year}&edit=${day.date}#day-form`}>
                      {t("calendar.edit")}
                      <span className="visually-hidden"> {shown}</span>
                    </Link>
                    <form action={deleteDayAction.bind(null, lang)}>
                      <input type="hidden" name="date" value={day.date} />
                      <Button variant="warning">
                        {t("calendar.delete")}
                        <span className="visually-hidden"> {shown}</span>
                      </Button>
                    </form>
                  </>
                ),
              },
            };
          })}
        />
      )}

      <CalendarDayForm
        key={editing?.date ?? "new"}
        lang={lang}
        title={title}
        heading={
          editing
            ? t("calendar.formTitleEdit", { date: formatDate(`${editing.date}T05:00:00Z`, lang) })
            : t("calendar.formTitleAdd")
        }
        initial={
          editing
            ? { date: editing.date, kind: editing.kind, name: editing.name, source: editing.source ?? "" }
            : {}
        }
        kinds={specialDayKinds}
        action={saveDayAction.bind(null, lang)}
      />
      {editing ? (
        <p>
          <Link href={`${here}#day-form`}>{t("calendar.cancel")}</Link>
        </p>
      ) : null}
    </>
  );
}
