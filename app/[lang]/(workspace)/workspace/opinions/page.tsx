import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import { getT, resolveLang } from "@/lib/i18n/server";
import { mayDo } from "@/lib/meetings/access";
import { listOpinionForms } from "@/lib/meetings/opinions";
import { ButtonLink } from "@/components/ui/Button";
import { DataTable } from "@/components/ui/DataTable";
import { MemberStatusTag, OpinionStatusTag } from "@/components/workspace/OpinionTags";
import { requireMember } from "../_shared/workspace";

type Props = { params: Promise<{ lang: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lang = await resolveLang(params);
  const t = await getT(lang, "workspace");
  return { title: t("opinions.listTitle") };
}

/** Every written opinion form of the official's bodies that they may see, newest first. */
export default async function OpinionFormsPage({ params }: Props) {
  await connection();
  const lang = await resolveLang(params);
  const t = await getT(lang, "workspace");
  const { actor, seats } = await requireMember(lang, `/${lang}/workspace/opinions`);
  const rows = await listOpinionForms(actor);
  const prepares = seats.some((seat) => mayDo(seat.role, "prepare"));
  return (
    <>
      <h1>{t("opinions.listTitle")}</h1>
      <p>{t("opinions.listIntro")}</p>
      {prepares ? (
        <p>
          <ButtonLink href={`/${lang}/workspace/opinions/new`}>{t("opinions.new")}</ButtonLink>
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p>{t("opinions.none")}</p>
      ) : (
        <DataTable
          caption={t("opinions.caption", { count: rows.length, n: formatNumber(rows.length, lang) })}
          columns={[
            { key: "form", header: t("opinions.columns.form") },
            { key: "status", header: t("opinions.columns.status") },
            { key: "deadline", header: t("opinions.columns.deadline") },
            { key: "answers", header: t("opinions.columns.answers") },
          ]}
          rows={rows.map((row) => ({
            key: row.id,
            cells: {
              form: (
                <>
                  <Link href={`/${lang}/workspace/opinions/${row.id}`}>
                    {row.code}: {row.title}
                  </Link>
                  <br />
                  <span className="muted small">
                    {localized(lang, { nameVi: row.bodyNameVi, nameEn: row.bodyNameEn })}
                  </span>
                </>
              ),
              status: <OpinionStatusTag status={row.status} t={t} />,
              deadline: row.deadline ? formatDateTime(row.deadline, lang) : "–",
              answers: (
                <>
                  {t("opinions.answeredCount", {
                    n: formatNumber(row.answered, lang),
                    of: formatNumber(row.votingMembers, lang),
                  })}
                  {row.myStatus ? (
                    <>
                      <br />
                      <MemberStatusTag status={row.myStatus} t={t} />
                    </>
                  ) : null}
                </>
              ),
            },
          }))}
        />
      )}
    </>
  );
}
