import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import { getT, resolveLang } from "@/lib/i18n/server";
import { opinionWorkFor, type OpinionListRow } from "@/lib/meetings/opinions";
import { WorkspaceHomeMeetings, WorkspaceHomeTasks } from "@/components/workspace/HomeSlots";
import { MemberStatusTag } from "@/components/workspace/OpinionTags";
import { requireMember } from "./_shared/workspace";

type Props = { params: Promise<{ lang: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lang = await resolveLang(params);
  const t = await getT(lang, "workspace");
  return { title: t("home.title") };
}

/** "What needs me": forms to approve, to answer, to prepare or conclude; then meetings and tasks. */
export default async function WorkspaceHomePage({ params }: Props) {
  await connection();
  const lang = await resolveLang(params);
  const t = await getT(lang, "workspace");
  const { actor, seats } = await requireMember(lang, `/${lang}/workspace`);
  const work = await opinionWorkFor(actor);
  const list = (rows: OpinionListRow[], withStatus: boolean) => (
    <ul className="workspace-list">
      {rows.map((row) => (
        <li key={row.id}>
          <Link href={`/${lang}/workspace/opinions/${row.id}`}>
            {row.code}: {row.title}
          </Link>
          <span className="workspace-list__meta">
            {localized(lang, { nameVi: row.bodyNameVi, nameEn: row.bodyNameEn })}
            {row.deadline
              ? ` · ${t("opinions.deadlineShort", { date: formatDateTime(row.deadline, lang) })}`
              : ""}
            {row.status === "open"
              ? ` · ${t("opinions.answeredCount", { n: formatNumber(row.answered, lang), of: formatNumber(row.votingMembers, lang) })}`
              : ""}
          </span>
          {withStatus && row.myStatus ? <MemberStatusTag status={row.myStatus} t={t} /> : null}
        </li>
      ))}
    </ul>
  );
  const groups: { key: keyof typeof work; withStatus: boolean }[] = [
    { key: "toApprove", withStatus: false },
    { key: "toAnswer", withStatus: true },
    { key: "toPrepare", withStatus: false },
    { key: "toConfirm", withStatus: false },
  ];
  const nothing = groups.every((group) => work[group.key].length === 0);
  return (
    <>
      <h1>{t("home.title")}</h1>
      <p className="lead">
        {t("home.who", {
          name: actor.name,
          seats: seats.map((seat) => `${t(`roles.${seat.role}`)}, ${localized(lang, seat)}`).join("; "),
        })}
      </p>
      <section aria-labelledby="home-opinions">
        <h2 id="home-opinions">{t("home.opinionsTitle")}</h2>
        {nothing ? <p>{t("home.nothingOpinions")}</p> : null}
        {groups.map((group) =>
          work[group.key].length > 0 ? (
            <div key={group.key}>
              <h3>{t(`home.${group.key}`, { count: work[group.key].length })}</h3>
              {list(work[group.key], group.withStatus)}
            </div>
          ) : null,
        )}
        <p>
          <Link href={`/${lang}/workspace/opinions`}>{t("home.allOpinions")}</Link>
        </p>
      </section>
      <WorkspaceHomeMeetings lang={lang} t={t} actor={actor} />
      <WorkspaceHomeTasks lang={lang} t={t} actor={actor} />
    </>
  );
}
