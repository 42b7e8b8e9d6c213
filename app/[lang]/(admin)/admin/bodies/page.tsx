import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { formatNumber } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import { getT, resolveLang } from "@/lib/i18n/server";
import { getActor } from "@/lib/identity/actor";
import { listBodies } from "@/lib/meetings/bodies";
import { AdminBreadcrumbs, NotAdmin } from "@/components/admin/AdminChrome";
import { ButtonLink } from "@/components/ui/Button";
import { DataTable } from "@/components/ui/DataTable";
import { requireAdmin } from "../_shared/admin";

type Props = { params: Promise<{ lang: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lang = await resolveLang(params);
  const t = await getT(lang, "workspace");
  return { title: t("bodies.title") };
}

/** The deciding bodies (people's committees, leaderships): the system administrator's; archived ones apart. */
export default async function BodiesPage({ params }: Props) {
  await connection();
  const lang = await resolveLang(params);
  const t = await getT(lang, "workspace");
  const admin = await requireAdmin(lang, `/${lang}/admin/bodies`);
  const listed = admin ? await listBodies(admin.actor) : null;
  if (!admin || !listed?.ok) return <NotAdmin lang={lang} actor={await getActor()} />;
  const active = listed.value.filter((body) => !body.archived);
  const archived = listed.value.filter((body) => body.archived);
  const table = (bodies: typeof listed.value, caption: string) => (
    <DataTable
      caption={caption}
      columns={[
        { key: "name", header: t("bodies.columns.name") },
        { key: "code", header: t("bodies.columns.code") },
        { key: "members", header: t("bodies.columns.members"), numeric: true },
      ]}
      rows={bodies.map((body) => ({
        key: body.id,
        cells: {
          name: <Link href={`/${lang}/admin/bodies/${body.id}`}>{localized(lang, body)}</Link>,
          code: <span className="nowrap">{body.code}</span>,
          members: formatNumber(body.members, lang),
        },
      }))}
    />
  );
  return (
    <>
      <AdminBreadcrumbs lang={lang} items={[{ text: t("bodies.title") }]} />
      <h1>{t("bodies.title")}</h1>
      <p>{t("bodies.intro")}</p>
      <p>
        <ButtonLink href={`/${lang}/admin/bodies/new`}>{t("bodies.add")}</ButtonLink>
      </p>
      {active.length === 0 ? <p>{t("bodies.none")}</p> : table(active, t("bodies.caption"))}
      {archived.length > 0 ? (
        <section aria-labelledby="archived-bodies">
          <h2 id="archived-bodies">{t("bodies.archivedTitle")}</h2>
          <p>{t("bodies.archivedIntro")}</p>
          {table(archived, t("bodies.archivedCaption"))}
        </section>
      ) : null}
    </>
  );
}
