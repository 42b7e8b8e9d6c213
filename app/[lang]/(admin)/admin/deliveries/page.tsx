import type { Metadata } from "next";
import { connection } from "next/server";
import { formatDateTime } from "@/lib/i18n/format";
import { getT, resolveLang } from "@/lib/i18n/server";
import type { Lang } from "@/lib/i18n/settings";
import { getActor } from "@/lib/identity/actor";
import { listDeliveries, type DeliveryView } from "@/lib/notify/service";
import { AdminBreadcrumbs, NotAdmin } from "@/components/admin/AdminChrome";
import { Button } from "@/components/ui/Button";
import { DataTable } from "@/components/ui/DataTable";
import { Notice } from "@/components/ui/Notice";
import { requireAdmin } from "../_shared/admin";
import { retryDeliveryAction } from "./actions";

type Props = {
  params: Promise<{ lang: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lang = await resolveLang(params);
  const t = await getT(lang, "admin");
  return { title: t("deliveries.title") };
}

const errors = ["forbidden", "not_found", "not_failed"] as const;

/** The e-mails the portal sends: failed ones first with their error and a "Retry" button, then recent ones. */
export default async function DeliveriesPage({ params, searchParams }: Props) {
  await connection();
  const lang = await resolveLang(params);
  const query = await searchParams;
  const t = await getT(lang, "admin");
  const admin = await requireAdmin(lang, `/${lang}/admin/deliveries`);
  // The portal's e-mail: system administrators only.
  if (!admin || !admin.scope.all) return <NotAdmin lang={lang} actor={await getActor()} />;
  const list = await listDeliveries(admin.actor);
  if (!list.ok) return <NotAdmin lang={lang} actor={admin.actor} />;
  const done = typeof query.done === "string" ? query.done : null;
  const error = errors.find((e) => done === `error-${e}`);
  const { failed, recent, failedTotal } = list.value;
  return (
    <>
      <AdminBreadcrumbs lang={lang} items={[{ text: t("nav.deliveries") }]} />
      <h1>{t("deliveries.title")}</h1>
      <p>{t("deliveries.intro")}</p>
      {done === "retried" ? <Notice tone="success">{t("deliveries.done.retried")}</Notice> : null}
      {error ? <Notice tone="warning">{t(`deliveries.errors.${error}`)}</Notice> : null}
      <h2>{t("deliveries.failedTitle", { count: failedTotal })}</h2>
      {failed.length === 0 ? (
        <p>{t("deliveries.noneFailed")}</p>
      ) : (
        <DeliveryTable lang={lang} rows={failed} caption={t("deliveries.failedCaption")} retry />
      )}
      <h2>{t("deliveries.recentTitle")}</h2>
      {recent.length === 0 ? (
        <p>{t("deliveries.noneRecent")}</p>
      ) : (
        <DeliveryTable lang={lang} rows={recent} caption={t("deliveries.recentCaption")} />
      )}
    </>
  );
}

async function DeliveryTable({
  lang,
  rows,
  caption,
  retry = false,
}: {
  lang: Lang;
  rows: DeliveryView[];
  caption: string;
  retry?: boolean;
}) {
  const t = await getT(lang, "admin");
  return (
    <DataTable
      caption={caption}
      scrollLabel={retry ? undefined : caption}
      columns={[
        { key: "created", header: t("deliveries.columns.created") },
        { key: "recipient", header: t("deliveries.columns.recipient") },
        { key: "kind", header: t("deliveries.columns.kind") },
        { key: "status", header: t("deliveries.columns.status") },
        { key: "attempts", header: t("deliveries.columns.attempts"), numeric: true },
        { key: "error", header: t("deliveries.columns.error") },
        ...(retry ? [{ key: "action", header: t("deliveries.columns.action") }] : []),
      ]}
      rows={rows.map((row) => ({
        key: String(row.id),
        cells: {
          created: <span className="nowrap">{formatDateTime(row.createdAt, lang)}</span>,
          recipient: (
            <>
              {row.recipientName ?? "—"}
              <br />
              {row.address}
            </>
          ),
          kind: (
            <>
              {row.subject ? row.subject[lang] : t("deliveries.digest")}
              {row.subject ? (
                <>
                  <br />
                  <code className="muted">{row.kind}</code>
                </>
              ) : null}
            </>
          ),
          status: (
            <>
              {t(`deliveries.status.${row.status}`)}
              {row.status === "sent" && row.sentAt ? (
                <>
                  <br />
                  <span className="nowrap">{formatDateTime(row.sentAt, lang)}</span>
                </>
              ) : row.status === "pending" && row.attempts > 0 ? (
                <>
                  <br />
                  {t("deliveries.nextAttempt", { at: formatDateTime(row.nextAttemptAt, lang) })}
                </>
              ) : null}
            </>
          ),
          attempts: row.attempts,
          error: row.lastError ?? "—",
          action: retry ? (
            <form action={retryDeliveryAction.bind(null, lang)}>
              <input type="hidden" name="id" value={row.id} />
              <Button variant="secondary">
                {t("deliveries.retry")}
                <span className="visually-hidden"> {row.address}</span>
              </Button>
            </form>
          ) : null,
        },
      }))}
    />
  );
}
