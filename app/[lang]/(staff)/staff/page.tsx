import type { Metadata } from "next";
import { connection } from "next/server";
import Link from "next/link";
import { loadCalendar, mayEditCalendar, yearHasEntries } from "@/lib/calendar/service";
import { listOpenConsultations, listQueue } from "@/lib/dossiers/service";
import { formatNumber } from "@/lib/i18n/format";
import { getT, resolveLang } from "@/lib/i18n/server";
import { getActor } from "@/lib/identity/actor";
import { caseworkAgencyIds } from "@/lib/identity/types";
import { KeysetPagination } from "@/components/ui/KeysetPagination";
import { Notice } from "@/components/ui/Notice";
import { NotStaff } from "@/components/staff/NotStaff";
import { QueueTabs } from "@/components/staff/QueueTabs";
import { QueueTable } from "@/components/staff/QueueTable";
import { QueueFilters } from "@/components/staff/QueueFilters";
import { BulkAssignForm } from "@/components/staff/BulkAssignForm";
import { readBulkReport } from "@/components/staff/bulkOutcome";
import { listQueueSpecialists } from "@/lib/dossiers/bulkAssign";
import { parseQueueView, queueViewParams } from "@/lib/dossiers/queueFilters";
import { listProceduresReceivedAt } from "@/lib/catalog/service";
import { bulkAssignAction } from "./actions";
import { RegisterForm } from "@/components/staff/RegisterForm";
import { registerDefaultPeriod } from "@/lib/slips/rules";
import { registerAgencies } from "@/lib/slips/service";
import { reconciliationRoles } from "@/lib/payments/reconciliation";
import { localized } from "@/lib/i18n/localized";
import { ConsultationList } from "@/components/staff/ConsultationList";
import { requireStaff } from "./_shared/staff-actor";

const pageSize = 25;

type Props = {
  params: Promise<{ lang: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lang = await resolveLang(params);
  const t = await getT(lang, "staff");
  const actor = await getActor();
  return { title: actor.kind === "applicant" ? t("notStaff.title") : t("queue.title") };
}

export default async function StaffQueuePage({ params, searchParams }: Props) {
  await connection();
  const lang = await resolveLang(params);
  const query = await searchParams;
  const view = parseQueueView(query);
  const bucket = view.bucket;
  // The cursor is opaque here: listQueue reads it, and starts at the first page when it is not one.
  const single = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);
  const after = single(query.after);
  const before = after ? undefined : single(query.before);
  const hrefFor = (start: { after: string } | { before: string } | null) => {
    const address = queueViewParams(view);
    if (start && "after" in start) address.set("after", start.after);
    if (start && "before" in start) address.set("before", start.before);
    const text = address.toString();
    return `/${lang}/staff${text ? `?${text}` : ""}`;
  };
  const t = await getT(lang, "staff");
  const tCommon = await getT(lang, "common");

  const returnTo = hrefFor(after ? { after } : before ? { before } : null);
  const actor = await requireStaff(lang, returnTo);
  if (!actor) return <NotStaff lang={lang} t={t} />;
  // Deadlines that run into next year need its holidays: say so until the calendar has them.
  const nextYear = new Date().getFullYear() + 1;
  const [nextYearEntered, tCalendar] = await Promise.all([yearHasEntries(nextYear), getT(lang, "calendar")]);
  const calendarWarning = nextYearEntered ? null : (
    <Notice tone="warning">
      {tCalendar("dashboard.nextYearMissing", { year: nextYear })}
      {mayEditCalendar(actor) ? (
        <>
          {" "}
          <Link href={`/${lang}/admin/calendar?year=${nextYear}`}>
            {tCalendar("dashboard.nextYearMissingAdmin", { year: nextYear })}
          </Link>
        </>
      ) : null}
    </Notice>
  );
  if (caseworkAgencyIds(actor).length === 0) {
    return (
      <>
        <h1>{t("queue.title")}</h1>
        {calendarWarning}
        <Notice>{t("queue.noCaseworkRole")}</Notice>
      </>
    );
  }

  const agencyIds = caseworkAgencyIds(actor);
  const [queue, calendar, specialists, procedures, consultations] = await Promise.all([
    listQueue(actor, { bucket, after, before, pageSize, view }),
    loadCalendar(),
    listQueueSpecialists(actor),
    listProceduresReceivedAt(agencyIds),
    listOpenConsultations(actor),
  ]);
  const viewHref = (overrides: Parameters<typeof queueViewParams>[1]) => {
    const text = queueViewParams(view, overrides).toString();
    return `/${lang}/staff${text ? `?${text}` : ""}`;
  };
  const report = readBulkReport(query);
  const mayAssign = specialists.length > 0;
  const bucketLabel = t(`queue.bucket.${bucket}`);
  const registerFor = await registerAgencies(actor);

  return (
    <>
      <h1>{t("queue.title")}</h1>
      <p className="lead">{t("queue.lead")}</p>
      {calendarWarning}
      {actor.roles.some((role) => role.role === "receiver") ? (
        <p>
          <Link href={`/${lang}/staff/intake`}>{t("intake.title")}</Link>
        </p>
      ) : null}
      {actor.roles.some((role) => reconciliationRoles.includes(role.role)) ? (
        <p>
          <Link href={`/${lang}/staff/payments`}>{t("payments:reconciliation.title")}</Link>
        </p>
      ) : null}
      <QueueFilters
        lang={lang}
        t={t}
        view={view}
        procedures={procedures.map((procedure) => ({ id: procedure.id, name: localized(lang, procedure) }))}
        officers={specialists}
        clearHref={viewHref({
          procedureId: undefined,
          status: undefined,
          channel: undefined,
          from: undefined,
          to: undefined,
          assigneeId: undefined,
          q: undefined,
          search: undefined,
        })}
      />
      <QueueTabs
        lang={lang}
        t={t}
        current={bucket}
        counts={queue.counts}
        capped={queue.capped}
        hrefFor={(id) => viewHref({ bucket: id })}
      />
      {queue.rows.length === 0 ? (
        <p>{t(`queue.empty.${bucket}`)}</p>
      ) : (
        <>
          <QueueTable
            rows={queue.rows}
            selectable={mayAssign}
            caption={
              queue.capped.includes(bucket)
                ? t("queue.captionMore", { bucket: bucketLabel, count: formatNumber(queue.total, lang) })
                : t("queue.caption", { bucket: bucketLabel, count: queue.total })
            }
            lang={lang}
            t={t}
            now={new Date()}
            calendar={calendar}
          />
          <KeysetPagination
            hrefFor={hrefFor}
            previous={queue.previous}
            next={queue.next}
            atStart={!after && !before}
            labels={{
              nav: t("queue.pagination"),
              first: tCommon("pagination.first"),
              previous: tCommon("pagination.previous"),
              next: tCommon("pagination.next"),
            }}
          />
        </>
      )}
      {mayAssign && (queue.rows.length > 0 || report) ? (
        <BulkAssignForm
          t={t}
          action={bulkAssignAction.bind(null, lang, returnTo)}
          specialists={specialists}
          report={report}
          keptAssignee={typeof query.assignee === "string" ? query.assignee : undefined}
          firstCheckboxId={queue.rows[0] ? `select-${queue.rows[0].id}` : undefined}
        />
      ) : null}
      <ConsultationList rows={consultations} lang={lang} t={t} />
      <RegisterForm
        lang={lang}
        agencies={registerFor.map((agency) => ({ code: agency.code, name: localized(lang, agency) }))}
        values={{ agency: registerFor[0]?.code ?? "", ...registerDefaultPeriod(new Date()) }}
        t={await getT(lang, "slips")}
      />
    </>
  );
}
