import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { redirect } from "next/navigation";
import { listAgencyHours } from "@/lib/calendar/service";
import { defaultWorkingHours, formatClock, type WorkingHours } from "@/lib/calendar/rules";
import { signInUrl } from "@/lib/forms/callbackUrl";
import { getT, resolveLang } from "@/lib/i18n/server";
import { getActor } from "@/lib/identity/actor";
import { landingPath } from "@/lib/identity/rules";
import { hoursFormFields, type HoursFormField } from "@/components/admin/fields";
import { WorkingHoursForm } from "@/components/admin/WorkingHoursForm";
import { DataTable } from "@/components/ui/DataTable";
import { Notice } from "@/components/ui/Notice";
import { saveHoursAction } from "./actions";

type Props = {
  params: Promise<{ lang: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The form renders the <title>, with "Error: " in front when a post failed: a title here would come first. */
export const metadata: Metadata = { title: null };

const span = (from: number, to: number) => `${formatClock(from)}–${formatClock(to)}`;

/** Each agency's working hours and cut-off, for the administrators who may change them. */
export default async function AdminWorkingHoursPage({ params, searchParams }: Props) {
  await connection();
  const lang = await resolveLang(params);
  const query = await searchParams;
  const t = await getT(lang, "calendar");
  const tCommon = await getT(lang, "common");
  const chosen = typeof query.agency === "string" ? query.agency : undefined;
  const here = `/${lang}/admin/working-hours${chosen ? `?agency=${encodeURIComponent(chosen)}` : ""}`;

  const actor = await getActor();
  if (actor.kind === "anonymous") redirect(signInUrl(lang, here));
  const rows = await listAgencyHours(actor);
  const heading = t("hours.title");
  const title = `${heading} – ${tCommon("siteName")}`;
  if (rows.length === 0) {
    return (
      <>
        <title>{title}</title>
        <h1>{t("forOthersTitle")}</h1>
        <Notice>{t("forOthers.hours")}</Notice>
        <p>
          <Link href={landingPath(actor, lang, null)}>{t("backToWork")}</Link>
        </p>
      </>
    );
  }

  const nameOf = (agency: (typeof rows)[number]["agency"]) => (lang === "vi" ? agency.nameVi : agency.nameEn);
  // An agency's administrator has one agency: its form at once.
  const selected = rows.find((row) => row.agency.id === chosen) ?? (rows.length === 1 ? rows[0] : undefined);
  const d = defaultWorkingHours;
  const clocks = (hours: Record<HoursFormField, number | null>) =>
    Object.fromEntries(
      hoursFormFields.map((field) => [field, hours[field] === null ? "" : formatClock(hours[field]!)]),
    ) as Record<HoursFormField, string>;
  const isOwn = (stored: Record<keyof WorkingHours, number | null>) =>
    Object.values(stored).some((value) => value !== null);

  return (
    <>
      {selected ? null : <title>{title}</title>}
      <h1>{heading}</h1>
      <p className="lead">{t("hours.lead")}</p>
      <p>
        {t("hours.defaults", {
          morning: span(d.morningStart, d.morningEnd),
          afternoon: span(d.afternoonStart, d.afternoonEnd),
          cutoff: formatClock(d.cutoff),
        })}
      </p>
      {query.done === "saved" ? <Notice tone="success">{t("hours.done.saved")}</Notice> : null}
      <DataTable
        caption={t("hours.caption", { count: rows.length })}
        columns={[
          { key: "agency", header: t("hours.columns.agency") },
          { key: "morning", header: t("hours.columns.morning") },
          { key: "afternoon", header: t("hours.columns.afternoon") },
          { key: "cutoff", header: t("hours.columns.cutoff") },
          { key: "actions", header: t("hours.columns.actions") },
        ]}
        rows={rows.map(({ agency, hours, stored }) => ({
          key: agency.id,
          cells: {
            agency: (
              <>
                {nameOf(agency)}
                <br />
                <span className="muted">
                  {agency.code} · {isOwn(stored) ? t("hours.own") : t("hours.default")}
                </span>
              </>
            ),
            morning: span(hours.morningStart, hours.morningEnd),
            afternoon: span(hours.afternoonStart, hours.afternoonEnd),
            cutoff: formatClock(hours.cutoff),
            actions: (
              <Link href={`/${lang}/admin/working-hours?agency=${agency.id}#hours-form`}>
                {t("hours.edit")}
                <span className="visually-hidden"> {t("hours.editFor", { agency: nameOf(agency) })}</span>
              </Link>
            ),
          },
        }))}
      />
      {selected ? (
        <WorkingHoursForm
          key={selected.agency.id}
          lang={lang}
          title={title}
          heading={t("hours.formTitle", { agency: nameOf(selected.agency) })}
          agencyId={selected.agency.id}
          initial={clocks(selected.stored)}
          defaults={clocks(d)}
          action={saveHoursAction.bind(null, lang)}
        />
      ) : null}
    </>
  );
}
