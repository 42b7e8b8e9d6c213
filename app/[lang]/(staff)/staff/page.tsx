import type { Metadata } from "next";
import { connection } from "next/server";
import { loadCalendar } from "@/lib/calendar/service";
import { listQueue } from "@/lib/dossiers/service";
import { getT, resolveLang } from "@/lib/i18n/server";
import { getActor } from "@/lib/identity/actor";
import { caseworkAgencyIds } from "@/lib/identity/types";
import { Notice } from "@/components/ui/Notice";
import { NotStaff } from "@/components/staff/NotStaff";
import { Pagination } from "@/components/staff/Pagination";
import { isQueueBucket, QueueTabs } from "@/components/staff/QueueTabs";
import { QueueTable } from "@/components/staff/QueueTable";
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
  const bucket = isQueueBucket(query.bucket) ? query.bucket : "new";
  const requested = Number(typeof query.page === "string" ? query.page : 1);
  const page = Number.isInteger(requested) && requested > 0 ? requested : 1;
  const t = await getT(lang, "staff");
  const tCommon = await getT(lang, "common");

  const returnTo = `/${lang}/staff${bucket === "new" && page === 1 ? "" : `?bucket=${bucket}&page=${page}`}`;
  const actor = await requireStaff(lang, returnTo);
  if (!actor) return <NotStaff lang={lang} t={t} />;
  if (caseworkAgencyIds(actor).length === 0) {
    return (
      <>
        <h1>{t("queue.title")}</h1>
        <Notice>{t("queue.noCaseworkRole")}</Notice>
      </>
    );
  }

  const [queue, calendar] = await Promise.all([listQueue(actor, { bucket, page, pageSize }), loadCalendar()]);
  const pages = Math.max(1, Math.ceil(queue.total / pageSize));
  const bucketLabel = t(`queue.bucket.${bucket}`);

  return (
    <>
      <h1>{t("queue.title")}</h1>
      <p className="lead">{t("queue.lead")}</p>
      <QueueTabs lang={lang} t={t} current={bucket} counts={queue.counts} />
      {queue.rows.length === 0 ? (
        <p>{t(`queue.empty.${bucket}`)}</p>
      ) : (
        <>
          <QueueTable
            rows={queue.rows}
            caption={t("queue.caption", { bucket: bucketLabel, count: queue.total })}
            lang={lang}
            t={t}
            now={new Date()}
            calendar={calendar}
          />
          <Pagination
            page={page}
            pages={pages}
            hrefFor={(target) => `/${lang}/staff?bucket=${bucket}&page=${target}`}
            t={t}
            tCommon={tCommon}
          />
        </>
      )}
    </>
  );
}
