import type { Metadata } from "next";
import { connection } from "next/server";
import { formatDateTime } from "@/lib/i18n/format";
import { getT, resolveLang } from "@/lib/i18n/server";
import { listInbox, unreadInboxCount } from "@/lib/notify/inbox";
import { Button } from "@/components/ui/Button";
import { KeysetPagination } from "@/components/ui/KeysetPagination";
import { Notice } from "@/components/ui/Notice";
import { markAllReadAction } from "./actions";
import { requireSignedIn } from "./signedIn";

type Props = {
  params: Promise<{ lang: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getT(await resolveLang(params), "notify");
  return { title: t("inbox.title") };
}

/** The signed-in person's notices, newest first; each leads to its dossier (and is then read). */
export default async function InboxPage({ params, searchParams }: Props) {
  await connection();
  const lang = await resolveLang(params);
  const query = await searchParams;
  const t = await getT(lang, "notify");
  const actor = await requireSignedIn(lang, `/${lang}/inbox`);
  const single = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);
  const after = single(query.after);
  const before = after ? undefined : single(query.before);
  const [page, unread] = await Promise.all([
    listInbox(actor, lang, { after, before }),
    unreadInboxCount(actor),
  ]);
  const atStart = !after && !before;
  const marked = single(query.marked);
  const markedCount = marked !== undefined && /^\d{1,9}$/.test(marked) ? Number(marked) : null;
  const hrefFor = (start: { after: string } | { before: string } | null) =>
    start === null
      ? `/${lang}/inbox`
      : `/${lang}/inbox?${new URLSearchParams("after" in start ? { after: start.after } : { before: start.before })}`;

  return (
    <>
      <h1>{t("inbox.title")}</h1>
      {markedCount !== null ? (
        <Notice tone="success">
          <p>{markedCount > 0 ? t("inbox.markedAll", { count: markedCount }) : t("inbox.markedNone")}</p>
        </Notice>
      ) : null}
      {page.rows.length === 0 && atStart ? (
        <p>{t("inbox.empty")}</p>
      ) : (
        <>
          <p>{t("inbox.intro")}</p>
          <p>
            <strong>
              {unread > 0 ? t("inbox.unreadSummary", { count: unread }) : t("inbox.noneUnread")}
            </strong>
          </p>
          {unread > 0 ? (
            <form action={markAllReadAction.bind(null, lang)}>
              <Button variant="secondary">{t("inbox.markAll")}</Button>
            </form>
          ) : null}
          <ul className="card-list inbox-list" aria-label={t("inbox.listLabel")}>
            {page.rows.map((notice) => (
              <li key={notice.id} className={notice.read ? "inbox-item" : "inbox-item inbox-item--unread"}>
                <h2>
                  {notice.read ? null : (
                    <>
                      <strong className="tag">{t("inbox.unread")}</strong>{" "}
                    </>
                  )}
                  {/* A plain link: opening marks the notice read, so it is never prefetched. */}
                  <a href={`/${lang}/inbox/${notice.id}`}>{notice.title}</a>
                </h2>
                {notice.procedureName ? <p>{notice.procedureName}</p> : null}
                <p className="meta-line">
                  <span>{t("inbox.receivedAt", { time: formatDateTime(notice.createdAt, lang) })}</span>
                  {notice.subject ? (
                    <span>{t(`inbox.${notice.subject.kind}`, { code: notice.subject.code })}</span>
                  ) : null}
                </p>
              </li>
            ))}
          </ul>
          <KeysetPagination
            hrefFor={hrefFor}
            previous={page.previous}
            next={page.next}
            atStart={atStart}
            labels={{
              nav: t("common:pagination.nav"),
              first: t("common:pagination.first"),
              previous: t("common:pagination.previous"),
              next: t("common:pagination.next"),
            }}
          />
        </>
      )}
    </>
  );
}
